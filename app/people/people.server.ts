import type { Transaction } from "kysely";
import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { endCommitteeSeats } from "~db/queries/committee";
import { revokeInvitationsBy } from "~db/queries/invitations";
import { countActiveAdmins, findPerson, listPeople, setActive, setRoles } from "~db/queries/people";
import type { SessionUser } from "~db/queries/users";
import { ROLES, type DB, type Role } from "~db/schema";
import { DomainError } from "~/errors.server";
import { getSettings } from "~/env.server";
import { listInvitations } from "./invitations.server";

const LAST_ADMIN = "This is the last active admin: make someone else an admin first";

// Where an invitation goes: by email with a mail server, else into the outbox admins read.
export type Delivery = "email" | "outbox";
export const invitationDelivery = (): Delivery => (getSettings().SMTP_URL ? "email" : "outbox");

export async function peoplePage() {
  const [people, invitations] = await Promise.all([listPeople(getDb()), listInvitations()]);
  return { people, invitations, delivery: invitationDelivery() };
}

export const personPage = (userId: string) => findPerson(getDb(), userId);

// Inside the transaction that takes the role or the account away: `countActiveAdmins` locks the
// admin rows, so two admins demoting each other at once cannot both succeed.
async function refuseLastAdmin(tx: Transaction<DB>, person: { roles: Role[]; active: boolean }, field: string) {
  if (!person.roles.includes("admin") || !person.active) return;
  if ((await countActiveAdmins(tx)) <= 1)
    throw new DomainError("conflict", LAST_ADMIN, { fields: { [field]: LAST_ADMIN } });
}

async function personOr404(tx: Transaction<DB>, userId: string) {
  const person = await findPerson(tx, userId);
  if (!person) throw new DomainError("not-found", "No such person.");
  return person;
}

export async function changeRoles(actor: SessionUser, userId: string, roles: Role[]): Promise<void> {
  const after = ROLES.filter((r) => roles.includes(r));
  await getDb()
    .transaction()
    .execute(async (tx) => {
      const person = await personOr404(tx, userId);
      if (!after.includes("admin")) await refuseLastAdmin(tx, person, "roles");
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
}

// A deactivated user cannot sign in and is signed out at once; what they submitted stays.
export async function changeActive(actor: SessionUser, userId: string, active: boolean): Promise<void> {
  if (!active && userId === actor.id) throw new DomainError("forbidden", "You cannot deactivate your own account");
  await getDb()
    .transaction()
    .execute(async (tx) => {
      const person = await personOr404(tx, userId);
      if (person.active === active) return;
      if (!active) await refuseLastAdmin(tx, person, "form");
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
}
