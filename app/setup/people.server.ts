import crypto from "node:crypto";
import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { countActiveAdmins, emailTaken, findOpenInvitation, findPerson, markInvitationAccepted, setActive, setRoles } from "~db/queries/people";
import { createUser, type SessionUser } from "~db/queries/users";
import { ROLES, type Role } from "~db/schema";
import { hashPassword } from "~/auth/password.server";
import { DomainError } from "~/errors.server";
import type { FieldErrors } from "~/ui/form.server";
import { createInvitation, hashToken, invitationLink } from "./invitations.server";
import { once, submissionKey } from "./once.server";
import { invitationCreated } from "~/notifications/events.server";

type Outcome<T> = ({ ok: true } & T) | { ok: false; errors: FieldErrors };

// The token is derived from the submission, so a double-clicked "Invite" shows the same link
// instead of a second, different one.
function tokenFor(submission: string): string {
  const secret = process.env.SESSION_SECRET;
  if (!secret) throw new Error("SESSION_SECRET was not set at start-up");
  return crypto.createHmac("sha256", secret).update(`invitation:${submission}`).digest("base64url");
}

export async function invitePerson(
  actor: SessionUser,
  data: { email: string; roles: Role[]; idempotencyKey: string },
  origin: string,
  log: (line: string) => void = console.log,
): Promise<Outcome<{ link: string }>> {
  const key = submissionKey(actor.id, data);
  const token = tokenFor(key);
  const link = invitationLink(origin, token);
  const email = data.email.toLowerCase();
  const created = await getDb()
    .transaction()
    .execute(async (tx) => {
      const result = await once(tx, key, async () => {
        if (await emailTaken(tx, email)) return "";
        return createInvitation(tx, { token, email, roles: data.roles, invitedBy: actor.id });
      });
      if (result.created && result.id) {
        await appendAudit(tx, { actorId: actor.id, action: "invitation.create", subjectType: "invitation", subjectId: result.id, details: { before: null, after: { email, roles: data.roles } } });
      }
      return result.id;
    });
  if (!created) return { ok: false, errors: { email: "Someone with this email already has an account" } };
  // No mail server: the admin passes the link on, and it is in the log for the operator too.
  log(`Invitation for ${email} (${data.roles.join(", ")}): ${link}`);
  await invitationCreated(getDb(), { invitationId: created, email, link, roles: data.roles });
  return { ok: true, link };
}

async function lastAdminProblem(userId: string, losesAdmin: boolean): Promise<string | null> {
  if (!losesAdmin) return null;
  const person = await findPerson(getDb(), userId);
  if (!person?.roles.includes("admin") || !person.active) return null;
  return (await countActiveAdmins(getDb())) <= 1 ? "This is the last active admin: make someone else an admin first" : null;
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
      await appendAudit(tx, { actorId: actor.id, action: "user.roles", subjectType: "user", subjectId: userId, details: { before: person.roles, after } });
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
      await appendAudit(tx, { actorId: actor.id, action: active ? "user.reactivate" : "user.deactivate", subjectType: "user", subjectId: userId, details: { before: { active: person.active }, after: { active } } });
    });
  return { ok: true };
}

export async function openInvitation(token: string, now = new Date()) {
  const row = await findOpenInvitation(getDb(), hashToken(token), now);
  return row ? { email: row.email, roles: row.roles as Role[] } : null;
}

// Turns a valid invitation into an account with the invited roles; the link then stops working.
export async function acceptInvitation(
  token: string,
  data: { email: string; name: string; password: string },
  now = new Date(),
): Promise<Outcome<{ userId: string }>> {
  const passwordHash = await hashPassword(data.password);
  return getDb()
    .transaction()
    .execute(async (tx) => {
      const invitation = await findOpenInvitation(tx, hashToken(token), now);
      if (!invitation) throw new DomainError("not-found", "This invitation link is not valid: it was used already or has expired.");
      const email = invitation.email ?? data.email;
      if (!email) return { ok: false as const, errors: { email: "Enter your email address" } };
      if (await emailTaken(tx, email)) return { ok: false as const, errors: { email: "Someone with this email already has an account" } };
      const roles = invitation.roles as Role[];
      const userId = await createUser(tx, { email, name: data.name, passwordHash, roles });
      await markInvitationAccepted(tx, invitation.id, userId, now);
      await appendAudit(tx, { actorId: userId, action: "invitation.accept", subjectType: "user", subjectId: userId, details: { before: null, after: { email, roles } } });
      return { ok: true as const, userId };
    });
}
