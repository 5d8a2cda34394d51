import type { Conn, OutboxStatus } from "../schema";

export type NewMessage = {
  kind: string;
  dedupeKey: string | null;
  recipientId: string | null;
  recipientEmail: string;
  subject: string;
  html: string;
  text: string;
  ics?: string | null;
};

// null when a message with the same dedupe key exists: someone (another instance) sent it.
export async function insertMessage(db: Conn, m: NewMessage): Promise<string | null> {
  const row = await db
    .insertInto("outbox_messages")
    .values({
      kind: m.kind,
      dedupe_key: m.dedupeKey,
      recipient_id: m.recipientId,
      recipient_email: m.recipientEmail,
      subject: m.subject,
      html: m.html,
      text: m.text,
      ics: m.ics ?? null,
    })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}

export async function dedupeKeysExist(db: Conn, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.selectFrom("outbox_messages").select("dedupe_key").where("dedupe_key", "in", keys).execute();
  return new Set(rows.map((r) => r.dedupe_key!));
}

export async function countMessagesWithKeyPrefix(db: Conn, prefix: string): Promise<number> {
  const row = await db
    .selectFrom("outbox_messages")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("dedupe_key", "like", `${prefix.replace(/[\\%_]/g, "\\$&")}%`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findMessage(db: Conn, id: string) {
  return db.selectFrom("outbox_messages").selectAll().where("id", "=", id).executeTakeFirst();
}

export async function markMessage(
  db: Conn,
  id: string,
  status: OutboxStatus,
  error: string | null,
  sentAt: Date | null = null,
): Promise<void> {
  await db.updateTable("outbox_messages").set({ status, error, sent_at: sentAt }).where("id", "=", id).execute();
}

export async function listMessages(db: Conn, limit = 100) {
  return db
    .selectFrom("outbox_messages")
    .select([
      "id",
      "kind",
      "recipient_email",
      "subject",
      "text",
      "ics",
      "status",
      "error",
      "job_id",
      "created_at",
      "sent_at",
    ])
    .orderBy("created_at", "desc")
    .orderBy("id")
    .limit(limit)
    .execute();
}
