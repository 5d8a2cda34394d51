import { sql } from "kysely";
import { jsonArrayFrom } from "kysely/helpers/postgres";
import type { Conn, Role } from "../schema";

export async function listPeople(db: Conn) {
  const rows = await db
    .selectFrom("users")
    .select(["users.id", "users.email", "users.name", "users.active", "users.created_at"])
    .select((eb) =>
      jsonArrayFrom(
        eb.selectFrom("user_roles").select("user_roles.role").whereRef("user_roles.user_id", "=", "users.id"),
      ).as("roles"),
    )
    .orderBy("users.name")
    .execute();
  return rows.map((row) => ({ ...row, roles: row.roles.map((r) => r.role) }));
}

export async function findPerson(db: Conn, id: string) {
  const row = await db
    .selectFrom("users")
    .select(["users.id", "users.email", "users.name", "users.active"])
    .select((eb) =>
      jsonArrayFrom(
        eb.selectFrom("user_roles").select("user_roles.role").whereRef("user_roles.user_id", "=", "users.id"),
      ).as("roles"),
    )
    .where("users.id", "=", id)
    .executeTakeFirst();
  return row ? { ...row, roles: row.roles.map((r) => r.role) } : undefined;
}

// Active users holding a role: the people an interview or a committee seat may go to.
export async function listActiveWithRole(db: Conn, role: Role) {
  return db
    .selectFrom("users")
    .innerJoin("user_roles", "user_roles.user_id", "users.id")
    .select(["users.id", "users.name", "users.email"])
    .where("user_roles.role", "=", role)
    .where("users.active", "=", true)
    .orderBy("users.name")
    .execute();
}

export async function setRoles(db: Conn, userId: string, roles: Role[]): Promise<void> {
  await db.deleteFrom("user_roles").where("user_id", "=", userId).execute();
  if (roles.length)
    await db
      .insertInto("user_roles")
      .values(roles.map((role) => ({ user_id: userId, role })))
      .execute();
}

export async function setActive(db: Conn, userId: string, active: boolean): Promise<void> {
  await db.updateTable("users").set({ active }).where("id", "=", userId).execute();
  // A deactivated user is signed out everywhere at once.
  if (!active) await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}

// Locks the admin rows so two admins demoting each other at once cannot both succeed.
export async function countActiveAdmins(db: Conn): Promise<number> {
  const rows = await db
    .selectFrom("users")
    .innerJoin("user_roles", "user_roles.user_id", "users.id")
    .select("users.id")
    .where("user_roles.role", "=", "admin")
    .where("users.active", "=", true)
    .forUpdate()
    .execute();
  return rows.length;
}

export async function emailTaken(db: Conn, email: string): Promise<boolean> {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where(sql`lower(email)`, "=", email.toLowerCase())
    .executeTakeFirst();
  return Boolean(row);
}
