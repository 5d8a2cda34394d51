import { sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Conn, Role } from "../schema";

export type SessionUser = { id: string; email: string; name: string; roles: Role[] };
// The signed-in user as a page sees them: who they are, how they read times, and whether they have
// a Panel password at all (an account made by single sign-on has none to change).
export type Viewer = SessionUser & { timeZone: string; hasPassword: boolean };

export async function findSessionUser(db: Conn, sessionId: string, now: Date, idleSince: Date): Promise<Viewer | null> {
  const row = await db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select(["users.id", "users.email", "users.name", "users.time_zone"])
    .select(sql<boolean>`users.password_hash is not null`.as("has_password"))
    .select((eb) =>
      jsonArrayFrom(
        eb.selectFrom("user_roles").select("user_roles.role").whereRef("user_roles.user_id", "=", "users.id"),
      ).as("roles"),
    )
    .where("sessions.id", "=", sessionId)
    .where("sessions.expires_at", ">", now)
    .where("sessions.last_seen_at", ">", idleSince)
    .where("users.active", "=", true)
    .executeTakeFirst();
  if (!row) return null;
  const { time_zone, has_password, ...user } = row;
  return { ...user, timeZone: time_zone ?? "UTC", hasPassword: has_password, roles: row.roles.map((r) => r.role) };
}

// Marks the session used; at most once a minute, so a page's burst of requests writes once.
export async function touchSession(db: Conn, sessionId: string, now: Date): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: now })
    .where("id", "=", sessionId)
    .where("last_seen_at", "<", new Date(now.getTime() - 60_000))
    .execute();
}

// Whose session it was, if it existed.
export async function deleteSession(db: Conn, sessionId: string): Promise<string | null> {
  const row = await db.deleteFrom("sessions").where("id", "=", sessionId).returning("user_id").executeTakeFirst();
  return row?.user_id ?? null;
}

export async function findUserForSignIn(db: Conn, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "password_hash", "active"])
    .where(sql`lower(email)`, "=", email.toLowerCase())
    .executeTakeFirst();
}

export async function createUser(
  db: Conn,
  user: { email: string; name: string; passwordHash: string | null; roles: Role[] },
): Promise<string> {
  const { id } = await db
    .insertInto("users")
    .values({ email: user.email.toLowerCase(), name: user.name, password_hash: user.passwordHash })
    .returning("id")
    .executeTakeFirstOrThrow();
  if (user.roles.length) {
    await db
      .insertInto("user_roles")
      .values(user.roles.map((role) => ({ user_id: id, role })))
      .execute();
  }
  return id;
}

export async function countUsers(db: Conn): Promise<number> {
  const row = await db
    .selectFrom("users")
    .select(sql<number>`count(*)::int`.as("n"))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function insertSession(
  db: Conn,
  session: { id: string; userId: string; expiresAt: Date; provider: string | null; idToken: string | null },
): Promise<void> {
  await db
    .insertInto("sessions")
    .values({
      id: session.id,
      user_id: session.userId,
      expires_at: session.expiresAt,
      provider: session.provider,
      id_token: session.idToken,
    })
    .execute();
}

// Signs a user out everywhere, except (when given) the session making the change.
export async function deleteSessionsOf(db: Conn, userId: string, keepSessionId?: string): Promise<number> {
  let query = db.deleteFrom("sessions").where("user_id", "=", userId);
  if (keepSessionId) query = query.where("id", "!=", keepSessionId);
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findPasswordHash(db: Conn, userId: string): Promise<string | null> {
  const row = await db.selectFrom("users").select("password_hash").where("id", "=", userId).executeTakeFirst();
  return row?.password_hash ?? null;
}

export async function setPasswordHash(db: Conn, userId: string, passwordHash: string): Promise<void> {
  await db.updateTable("users").set({ password_hash: passwordHash }).where("id", "=", userId).execute();
}

export async function setTimeZone(db: Conn, userId: string, timeZone: string): Promise<void> {
  await db.updateTable("users").set({ time_zone: timeZone }).where("id", "=", userId).execute();
}
