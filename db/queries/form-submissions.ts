import type { Conn } from "../schema";

// Claims a submission key; false when an earlier post holds it (it waits on that row's lock first).
export async function claimSubmission(db: Conn, key: string): Promise<boolean> {
  const claimed = await db
    .insertInto("form_submissions")
    .values({ key, subject_id: "" })
    .onConflict((oc) => oc.column("key").doNothing())
    .returning("key")
    .executeTakeFirst();
  return Boolean(claimed);
}

// The row a submission made, "" while the first post has not finished (or made nothing).
export async function findSubmission(db: Conn, key: string): Promise<string | undefined> {
  const row = await db.selectFrom("form_submissions").select("subject_id").where("key", "=", key).executeTakeFirst();
  return row?.subject_id;
}

export async function recordSubmission(db: Conn, key: string, subjectId: string): Promise<void> {
  await db.updateTable("form_submissions").set({ subject_id: subjectId }).where("key", "=", key).execute();
}
