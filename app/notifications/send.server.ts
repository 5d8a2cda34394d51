import type { Conn } from "~db/schema";
import { dedupeKeysExist } from "~db/queries/outbox";
import { queueMessage } from "./mailer.server";
import type { Message } from "./messages.server";
import { renderEmail } from "./render.server";

export type Recipient = { id: string | null; email: string };

// Renders and queues one message unless its dedupe key was used before (by any instance).
export async function sendMessage(
  db: Conn,
  kind: string,
  to: Recipient,
  message: Message,
  { key = null, ics = null }: { key?: string | null; ics?: string | null } = {},
): Promise<boolean> {
  if (key && (await dedupeKeysExist(db, [key])).size > 0) return false;
  const rendered = await renderEmail(message.subject, message.content);
  const id = await queueMessage(db, {
    kind,
    dedupeKey: key,
    recipientId: to.id,
    recipientEmail: to.email,
    subject: rendered.subject,
    html: rendered.html,
    text: rendered.text,
    ics,
  });
  return id !== null;
}
