import { render } from "@react-email/components";
import { EmailLayout, type EmailContent } from "./EmailLayout";

export type RenderedEmail = { subject: string; html: string; text: string };

// Both parts from the same template, so the plain-text reader misses nothing.
export async function renderEmail(subject: string, content: EmailContent): Promise<RenderedEmail> {
  const element = <EmailLayout {...content} />;
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject, html, text };
}
