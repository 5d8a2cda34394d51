import crypto from "node:crypto";
import type { Transaction } from "kysely";
import { claimSubmission, findSubmission, recordSubmission } from "~db/queries/form-submissions";
import type { Conn, DB } from "~db/schema";

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
  if (!(await claimSubmission(tx, key))) return { id: (await findSubmission(tx, key)) ?? "", created: false };
  const id = await create();
  await recordSubmission(tx, key, id);
  return { id, created: true };
}

// For forms that validate against rows the first submit may have written: look first.
export async function earlierSubmission(db: Conn, key: string): Promise<string | undefined> {
  return (await findSubmission(db, key)) || undefined;
}

// A unique index refused the row: a race the earlier check could not see.
export const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === "23505";
