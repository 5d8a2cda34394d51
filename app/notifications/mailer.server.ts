import nodemailer, { type Transporter } from "nodemailer";
import type { Conn } from "~db/schema";
import { findMessage, insertMessage, markMessage, type NewMessage } from "~db/queries/outbox";
import { getSettings } from "~/env.server";
import { handToQueue } from "~/jobs/queue.server";

let transport: { url: string; transporter: Transporter } | undefined;

function transporterFor(url: string): Transporter {
  if (transport?.url !== url) transport = { url, transporter: nodemailer.createTransport(url) };
  return transport.transporter;
}

// Writes the message to the outbox (once per dedupe key) and hands it to the queue.
// Returns null when the key was already used: the message exists, nothing new is sent.
export async function queueMessage(db: Conn, message: NewMessage): Promise<string | null> {
  const id = await insertMessage(db, message);
  if (id) await handToQueue(db, "mail.send", id);
  return id;
}

// The mail.send job. Without SMTP_URL the message stays in the outbox as "kept"; a failure is
// recorded on the message and thrown, so the queue retries it with backoff.
export async function deliverMessage(db: Conn, id: string): Promise<void> {
  const message = await findMessage(db, id);
  if (!message || message.status === "sent" || message.status === "kept") return;
  const { SMTP_URL, MAIL_FROM } = getSettings();
  if (!SMTP_URL) return markMessage(db, id, "kept", null);
  try {
    await transporterFor(SMTP_URL).sendMail({
      from: MAIL_FROM,
      to: message.recipient_email,
      subject: message.subject,
      text: message.text,
      html: message.html,
      ...(message.ics
        ? { icalEvent: { method: icsMethod(message.ics), content: message.ics, filename: "interview.ics" } }
        : {}),
    });
  } catch (error) {
    await markMessage(db, id, "failed", (error as Error).message);
    throw error;
  }
  await markMessage(db, id, "sent", null, new Date());
}

const icsMethod = (ics: string) => (/^METHOD:CANCEL/m.test(ics) ? "CANCEL" : "REQUEST");
