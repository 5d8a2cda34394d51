import type { Kysely } from "kysely";
import type { DB } from "~db/schema";
import type { SessionUser } from "~/auth/guard.server";

// The signed-in user as server modules receive it, for calling them directly.
export async function findSessionUserByEmail(db: Kysely<DB>, email: string): Promise<SessionUser> {
  const user = await db
    .selectFrom("users")
    .select(["id", "email", "name"])
    .where("email", "=", email)
    .executeTakeFirstOrThrow();
  const roles = await db.selectFrom("user_roles").select("role").where("user_id", "=", user.id).execute();
  return { ...user, roles: roles.map((r) => r.role) } as SessionUser;
}
