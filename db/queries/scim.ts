import { sql } from "kysely";
import type { Conn } from "../schema";

export async function insertScimToken(
  db: Conn,
  row: { tokenHash: string; label: string; createdBy: string },
): Promise<string> {
  const { id } = await db
    .insertInto("scim_tokens")
    .values({ token_hash: row.tokenHash, label: row.label, created_by: row.createdBy })
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}

export async function listScimTokens(db: Conn) {
  return db
    .selectFrom("scim_tokens")
    .select(["id", "label", "created_at", "last_used_at"])
    .where("revoked_at", "is", null)
    .orderBy("created_at", "desc")
    .execute();
}

export async function revokeScimToken(db: Conn, id: string, now: Date) {
  return db
    .updateTable("scim_tokens")
    .set({ revoked_at: now })
    .where("id", "=", id)
    .where("revoked_at", "is", null)
    .returning(["id", "label"])
    .executeTakeFirst();
}

// A live token by its hash, marked used; revoked tokens find nothing.
export async function useScimToken(db: Conn, tokenHash: string, now: Date) {
  return db
    .updateTable("scim_tokens")
    .set({ last_used_at: now })
    .where("token_hash", "=", tokenHash)
    .where("revoked_at", "is", null)
    .returning(["id"])
    .executeTakeFirst();
}

const userColumns = ["id", "email", "name", "active", "created_at", "scim_external_id"] as const;

export async function findScimUser(db: Conn, id: string) {
  return db.selectFrom("users").select(userColumns).where("id", "=", id).executeTakeFirst();
}

// One page of users in a stable order (startIndex is 1-based, as SCIM counts), optionally only
// the one whose userName (email) matches.
export async function listScimUsers(db: Conn, page: { email?: string; offset: number; limit: number }) {
  let query = db.selectFrom("users");
  if (page.email !== undefined) query = query.where(sql`lower(email)`, "=", page.email.toLowerCase());
  const [{ n }, rows] = await Promise.all([
    query.select(sql<number>`count(*)::int`.as("n")).executeTakeFirstOrThrow(),
    query.select(userColumns).orderBy("created_at").orderBy("id").offset(page.offset).limit(page.limit).execute(),
  ]);
  return { total: n, rows };
}

export async function updateScimUser(
  db: Conn,
  id: string,
  values: { email: string; name: string; externalId: string | null },
) {
  await db
    .updateTable("users")
    .set({ email: values.email.toLowerCase(), name: values.name, scim_external_id: values.externalId })
    .where("id", "=", id)
    .execute();
}
