import type { Kysely } from "kysely";
import type { DB } from "~db/schema";
import { createUser } from "~db/queries/users";
import { appendAudit } from "~db/queries/audit";
import { hashPassword } from "~/auth/password.server";
import type { Env } from "~/env.server";
import { createInvitation, invitationLink, randomToken } from "./invitations.server";

// An empty database without demo data starts with exactly one account, the first admin: from
// ADMIN_EMAIL/ADMIN_PASSWORD when given, otherwise through a one-time setup link printed here.
export async function createFirstAdmin(db: Kysely<DB>, env: Env, log: (line: string) => void): Promise<void> {
  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) {
    // A new link at every start while nobody has used one: only whoever reads this log has it.
    const token = randomToken();
    const id = await createInvitation(db, { token, email: null, roles: ["admin"], invitedBy: null });
    await appendAudit(db, { actorId: null, action: "invitation.setup-link", subjectType: "invitation", subjectId: id });
    log(`No users yet. Open this one-time link to create the first admin (valid 7 days): ${invitationLink(`http://localhost:${env.PORT}`, token)}`);
    return;
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
