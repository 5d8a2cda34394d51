import type { Kysely } from "kysely";
import type { DB } from "~db/schema";
import { createUser } from "~db/queries/users";
import { appendAudit } from "~db/queries/audit";
import { hashPassword } from "~/auth/password.server";
import { ConfigError, type Env } from "~/env.server";

// An empty database without demo data starts with exactly one account: the first admin.
export async function createFirstAdmin(db: Kysely<DB>, env: Env, log: (line: string) => void): Promise<void> {
  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) {
    throw new ConfigError("DEMO_DATA=0 on an empty database needs ADMIN_EMAIL and ADMIN_PASSWORD for the first admin");
  }
  const id = await createUser(db, {
    email: env.ADMIN_EMAIL,
    name: env.ADMIN_EMAIL.split("@")[0],
    passwordHash: await hashPassword(env.ADMIN_PASSWORD),
    roles: ["admin"],
  });
  await appendAudit(db, { actorId: null, action: "user.first-admin", subjectType: "user", subjectId: id });
  log(`Created the first admin: ${env.ADMIN_EMAIL}`);
}
