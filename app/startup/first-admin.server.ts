import type { Kysely } from "kysely";
import type { DB } from "~db/schema";
import { findOpenSetupLink, lockFirstAdmin, revokeSetupLinks } from "~db/queries/invitations";
import { countUsers, createUser } from "~db/queries/users";
import { appendAudit } from "~db/queries/audit";
import { hashPassword } from "~/auth/password.server";
import { passwordWeakness } from "~/auth/password-strength.server";
import { ConfigError, publicUrl, type Env } from "~/env.server";
import { DEMO_PASSWORD, insertDemoData } from "./demo-data.server";
import { mintSetupLink } from "~/people/invitations.server";
import { setupLinkCreated } from "~/notifications/events.server";

// An empty database gets the demo data, or exactly one account, the first admin: from
// ADMIN_EMAIL/ADMIN_PASSWORD when given, otherwise through a one-time setup link printed here,
// once (and mailed to ADMIN_EMAIL when only that is given). Instances starting together on one
// empty database take turns on an advisory lock: the first fills it, the others find users and do nothing.
export async function prepareEmptyDatabase(
  db: Kysely<DB>,
  env: Env,
  log: (line: string) => void,
  now = new Date(),
): Promise<void> {
  if ((await countUsers(db)) > 0) return;
  const demo = env.DEMO_DATA === "1";
  const admin =
    !demo && env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : null;
  // The same bar as every password typed in a form; start-up stops with one line naming the setting.
  const weakness = admin && passwordWeakness(admin.password, [admin.email]);
  if (weakness) throw new ConfigError(`Bad configuration: ADMIN_PASSWORD ${weakness}`);
  // Hashed before the lock: argon2 takes a while and needs no database.
  const passwordHash = demo ? await hashPassword(DEMO_PASSWORD) : admin ? await hashPassword(admin.password) : null;
  const outcome = await db.transaction().execute(async (tx) => {
    await lockFirstAdmin(tx);
    if ((await countUsers(tx)) > 0) return null;
    if (demo) {
      await insertDemoData(tx, passwordHash!, now);
      return { line: "Seeded demo data: sign in as interviewer@example.com / demo-password" };
    }
    if (admin) {
      const id = await createUser(tx, {
        email: admin.email,
        name: admin.email.split("@")[0],
        passwordHash,
        roles: ["admin"],
      });
      await revokeSetupLinks(tx, now);
      await appendAudit(tx, { actorId: null, action: "user.first-admin", subjectType: "user", subjectId: id });
      return { line: `Created the first admin: ${admin.email}` };
    }
    // The link is printed once, at the start that made it; later starts only point back to it.
    const open = await findOpenSetupLink(tx, now);
    if (open) {
      return {
        line: `No users yet: use the one-time setup link printed at the first start (valid until ${open.expires_at.toISOString()}). Lost it? Start once with ADMIN_EMAIL and ADMIN_PASSWORD instead.`,
      };
    }
    const setup = await mintSetupLink(tx, publicUrl(env), now);
    const mailed = env.ADMIN_EMAIL ? ` (also mailed to ${env.ADMIN_EMAIL})` : "";
    return {
      setup,
      line: `No users yet. Open this one-time link to create the first admin (valid 7 days)${mailed}: ${setup.link}`,
    };
  });
  // After the commit: a link from a transaction that rolled back would not work.
  if (!outcome) return;
  log(outcome.line);
  if (outcome.setup && env.ADMIN_EMAIL)
    await setupLinkCreated(db, { invitationId: outcome.setup.id, email: env.ADMIN_EMAIL, link: outcome.setup.link });
}
