import type { Conn } from "../schema";

// Closes every reset still open for a person (a newer one replaces them, or one was used).
export async function closeOpenResets(db: Conn, userId: string, now: Date): Promise<void> {
  await db
    .updateTable("password_resets")
    .set({ closed_at: now })
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .where("closed_at", "is", null)
    .execute();
}

export async function insertReset(
  db: Conn,
  reset: { tokenHash: string; userId: string; issuedBy: string; expiresAt: Date },
): Promise<string> {
  const row = await db
    .insertInto("password_resets")
    .values({
      token_hash: reset.tokenHash,
      user_id: reset.userId,
      issued_by: reset.issuedBy,
      expires_at: reset.expiresAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

// The reset a link names with its person (locked, so two tabs cannot both use it).
export async function findResetByToken(db: Conn, tokenHash: string) {
  return db
    .selectFrom("password_resets")
    .innerJoin("users", "users.id", "password_resets.user_id")
    .select([
      "password_resets.id",
      "password_resets.user_id",
      "password_resets.expires_at",
      "password_resets.used_at",
      "password_resets.closed_at",
      "users.email",
      "users.name",
      "users.active",
    ])
    .where("password_resets.token_hash", "=", tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

export async function markResetUsed(db: Conn, id: string, now: Date): Promise<void> {
  await db.updateTable("password_resets").set({ used_at: now }).where("id", "=", id).execute();
}
