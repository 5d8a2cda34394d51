import crypto from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { DB } from "~db/schema";

// The key a submission is remembered by: who posted, the form's one-time key, and what it
// said. A double-click repeats all three and gets the first result; a form posted again with
// a stale one-time key but other content (the page had not refreshed its key yet) is new.
export function submissionKey<T extends { idempotencyKey: string }>(actorId: string, data: T): string {
  return `${actorId}:${crypto.createHash("sha256").update(JSON.stringify(data)).digest("base64url")}`;
}

// Runs `create` once per submission key. A double-clicked submit posts the same key twice: the
// second post waits on the first one's row (primary key), then finds the id it made.
export async function once(
  tx: Transaction<DB>,
  key: string,
  create: () => Promise<string>,
): Promise<{ id: string; created: boolean }> {
  const claimed = await tx
    .insertInto("form_submissions")
    .values({ key, subject_id: "" })
    .onConflict((oc) => oc.column("key").doNothing())
    .returning("key")
    .executeTakeFirst();
  if (!claimed) {
    const row = await tx
      .selectFrom("form_submissions")
      .select("subject_id")
      .where("key", "=", key)
      .executeTakeFirstOrThrow();
    return { id: row.subject_id, created: false };
  }
  const id = await create();
  await tx.updateTable("form_submissions").set({ subject_id: id }).where("key", "=", key).execute();
  return { id, created: true };
}

// For forms that validate against rows the first submit may have written: look first.
export async function earlierSubmission(db: Kysely<DB>, key: string): Promise<string | undefined> {
  const row = await db.selectFrom("form_submissions").select("subject_id").where("key", "=", key).executeTakeFirst();
  return row?.subject_id || undefined;
}

// A unique index refused the row: a race the earlier check could not see.
export const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "23505";
