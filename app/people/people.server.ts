import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { endCommitteeSeats } from "~db/queries/committee";
import { revokeInvitationsBy } from "~db/queries/invitations";
import { countActiveAdmins, findPerson, setActive, setRoles } from "~db/queries/people";
import type { SessionUser } from "~db/queries/users";
import { ROLES, type Role } from "~db/schema";
import { DomainError } from "~/errors.server";
import type { FieldErrors } from "~/ui/form.server";

type Outcome<T> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

async function lastAdminProblem(userId: string, losesAdmin: boolean): Promise<string | null> {
  if (!losesAdmin) return null;
  const person = await findPerson(getDb(), userId);
  if (!person?.roles.includes("admin") || !person.active) return null;
  return (await countActiveAdmins(getDb())) <= 1
    ? "This is the last active admin: make someone else an admin first"
    : null;
}

export async function changeRoles(actor: SessionUser, userId: string, roles: Role[]): Promise<Outcome<object>> {
  const person = await findPerson(getDb(), userId);
  if (!person) throw new DomainError("not-found", "No such person.");
  const after = ROLES.filter((r) => roles.includes(r));
  const problem = await lastAdminProblem(userId, !after.includes("admin"));
  if (problem) return { ok: false, errors: { roles: problem } };
  await getDb()
    .transaction()
    .execute(async (tx) => {
      // Re-checked under lock: two admins demoting each other at once cannot both succeed.
      if (person.roles.includes("admin") && !after.includes("admin") && (await countActiveAdmins(tx)) <= 1) {
        throw new DomainError("conflict", "This is the last active admin: make someone else an admin first");
      }
      await setRoles(tx, userId, after);
      await appendAudit(tx, {
        actorId: actor.id,
        action: "user.roles",
        subjectType: "user",
        subjectId: userId,
        details: { before: person.roles, after },
      });
      // Seats follow the role: without it, the committees this person sat on lose them now.
      if (!after.includes("committee")) {
        const candidates = await endCommitteeSeats(tx, userId);
        if (candidates.length) {
          await appendAudit(tx, {
            actorId: actor.id,
            action: "committee.seats-ended",
            subjectType: "user",
            subjectId: userId,
            details: { candidates, reason: "committee role removed" },
          });
        }
      }
    });
  return { ok: true };
}

// A deactivated user cannot sign in and is signed out at once; what they submitted stays.
export async function changeActive(actor: SessionUser, userId: string, active: boolean): Promise<Outcome<object>> {
  const person = await findPerson(getDb(), userId);
  if (!person) throw new DomainError("not-found", "No such person.");
  if (person.active === active) return { ok: true };
  if (!active && userId === actor.id) return { ok: false, errors: { form: "You cannot deactivate your own account" } };
  const problem = await lastAdminProblem(userId, !active);
  if (problem) return { ok: false, errors: { form: problem } };
  await getDb()
    .transaction()
    .execute(async (tx) => {
      await setActive(tx, userId, active);
      // Invitations they sent stop working with them (and stay revoked if they come back).
      const invitationsRevoked = active ? [] : await revokeInvitationsBy(tx, userId, new Date());
      await appendAudit(tx, {
        actorId: actor.id,
        action: active ? "user.reactivate" : "user.deactivate",
        subjectType: "user",
        subjectId: userId,
        details: {
          before: { active: person.active },
          after: { active },
          ...(invitationsRevoked.length ? { invitationsRevoked } : {}),
        },
      });
    });
  return { ok: true };
}
