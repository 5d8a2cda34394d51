import crypto from "node:crypto";
import type { Transaction } from "kysely";
import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import {
  findInvitation,
  findInvitationByToken,
  findOpenInvitationForEmail,
  insertInvitation,
  listOpenInvitations,
  lockFirstAdmin,
  lockInvitationEmail,
  markInvitationAccepted,
  revokeInvitationRow,
  revokeSetupLinks,
} from "~db/queries/invitations";
import { emailTaken } from "~db/queries/people";
import { countUsers, createUser, type SessionUser } from "~db/queries/users";
import type { DB, Role } from "~db/schema";
import { hashPassword } from "~/auth/password.server";
import { publicUrl, sessionSecret } from "~/env.server";
import { requireStrongPassword } from "~/auth/password-strength.server";
import { hashToken, newToken } from "~/auth/token.server";

import { invitationCreated } from "~/notifications/events.server";
import { DomainError } from "~/errors.server";
import { formatDate } from "~/ui/format";
import { once, submissionKey } from "~/startup/once.server";

// Invitations: the single entry points are createInvitation, resendInvitation, revokeInvitation
// and listInvitations (admins), openInvitation and acceptInvitation (whoever holds a link). A link
// is returned to the caller once and never logged; only the token's sha256 is stored.

export const INVITATION_DAYS = 7;

const linkFor = (token: string, base = publicUrl()) => `${base.replace(/\/$/, "")}/invitations/${token}`;
const expiry = (now: Date) => new Date(now.getTime() + INVITATION_DAYS * 24 * 3600_000);

// Derived from what was asked (a form submission, a resend of one invitation), so a
// double-click gets the same link back instead of a second one that voids the first.
function derivedToken(purpose: string): string {
  return crypto.createHmac("sha256", sessionSecret()).update(`invitation:${purpose}`).digest("base64url");
}

const ACCOUNT_EXISTS = "Someone with this email already has an account";

// Why an email cannot be invited now, as the message on the email field; null when it can.
async function inviteRefusal(tx: Transaction<DB>, email: string, now: Date): Promise<string | null> {
  if (await emailTaken(tx, email)) return ACCOUNT_EXISTS;
  const open = await findOpenInvitationForEmail(tx, email, now);
  if (open)
    return (
      `This email has an open invitation already (until ${formatDate(open.expires_at, "UTC")}): ` +
      "resend or revoke it under Open invitations"
    );
  return null;
}

const refuseEmail = (message: string) => new DomainError("invalid", message, { fields: { email: message } });

export async function createInvitation(
  actor: SessionUser,
  data: { email: string; roles: Role[]; idempotencyKey: string },
): Promise<{ link: string }> {
  const key = submissionKey(actor.id, data);
  const token = derivedToken(key);
  const email = data.email.toLowerCase();
  const now = new Date();
  const db = getDb();
  const outcome = await db.transaction().execute(async (tx) => {
    await lockInvitationEmail(tx, email);
    const { id } = await once(tx, key, async () => {
      if (await inviteRefusal(tx, email, now)) return "";
      const id = await insertInvitation(tx, {
        tokenHash: hashToken(token),
        email,
        roles: data.roles,
        invitedBy: actor.id,
        expiresAt: expiry(now),
      });
      await appendAudit(tx, {
        actorId: actor.id,
        action: "invitation.create",
        subjectType: "invitation",
        subjectId: id,
        details: { before: null, after: { email, roles: data.roles } },
      });
      return id;
    });
    if (!id) throw refuseEmail((await inviteRefusal(tx, email, now)) ?? "This email cannot be invited now");
    return { id, link: linkFor(token) };
  });
  // Mailed after the commit; a double-click finds the same invitation and the same message key.
  await invitationCreated(db, { invitationId: outcome.id, email, link: outcome.link, roles: data.roles });
  return { link: outcome.link };
}

// A new link for the same email and roles, valid from now; the old link is superseded.
export async function resendInvitation(
  actor: SessionUser,
  invitationId: string,
): Promise<{ email: string; link: string }> {
  const token = derivedToken(`resend:${invitationId}`);
  const now = new Date();
  const db = getDb();
  const resent = await db.transaction().execute(async (tx) => {
    const old = await findInvitation(tx, invitationId);
    if (!old?.email) throw new DomainError("not-found", "No such invitation.");
    const repeated =
      old.revoked_reason === "superseded" &&
      old.replaced_by &&
      (await findInvitation(tx, old.replaced_by))?.token_hash === hashToken(token);
    if (repeated) return { email: old.email, link: linkFor(token), mail: null };
    const reason = closedReason(old, now);
    if (reason) throw new DomainError("conflict", `${reason} Invite ${old.email} again instead.`);
    const roles = old.roles as Role[];
    const id = await insertInvitation(tx, {
      tokenHash: hashToken(token),
      email: old.email,
      roles,
      invitedBy: actor.id,
      expiresAt: expiry(now),
    });
    await revokeInvitationRow(tx, old.id, "superseded", now, id);
    await appendAudit(tx, {
      actorId: actor.id,
      action: "invitation.resend",
      subjectType: "invitation",
      subjectId: id,
      details: { replaces: old.id, email: old.email, roles },
    });
    return { email: old.email, link: linkFor(token), mail: { invitationId: id, roles } };
  });
  if (resent.mail) await invitationCreated(db, { ...resent.mail, email: resent.email, link: resent.link });
  return { email: resent.email, link: resent.link };
}

export async function revokeInvitation(actor: SessionUser, invitationId: string): Promise<{ email: string }> {
  const now = new Date();
  return getDb()
    .transaction()
    .execute(async (tx) => {
      const invitation = await findInvitation(tx, invitationId);
      if (!invitation?.email) throw new DomainError("not-found", "No such invitation.");
      if (invitation.revoked_reason === "revoked") return { email: invitation.email }; // a double-click
      const reason = closedReason(invitation, now);
      if (reason) throw new DomainError("conflict", reason);
      await revokeInvitationRow(tx, invitation.id, "revoked", now);
      await appendAudit(tx, {
        actorId: actor.id,
        action: "invitation.revoke",
        subjectType: "invitation",
        subjectId: invitation.id,
        details: { email: invitation.email },
      });
      return { email: invitation.email };
    });
}

export async function listInvitations(now = new Date()) {
  const rows = await listOpenInvitations(getDb(), now);
  return rows.map((r) => ({
    id: r.id,
    email: r.email!,
    roles: r.roles as Role[],
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    invitedBy: r.invited_by_name,
  }));
}

type InvitationRow = NonNullable<Awaited<ReturnType<typeof findInvitationByToken>>>;

// Why a link no longer works, in words for whoever holds it; null while it is open.
function closedReason(row: InvitationRow, now: Date, panelHasUsers = false): string | null {
  if (row.accepted_at) return "This invitation was used already to create an account: sign in instead.";
  if (row.email === null && (panelHasUsers || row.revoked_reason === "setup-complete"))
    return "Panel is set up already, so this setup link no longer works: sign in, or ask an admin for an invitation.";
  if (row.revoked_reason === "superseded")
    return "A newer invitation replaced this link: use the most recent link you were sent.";
  if (row.revoked_reason === "revoked")
    return "An admin revoked this invitation: ask an admin for a new one if you still need access.";
  if (row.revoked_reason === "inviter-deactivated" || !row.inviter_ok)
    return (
      "The admin who sent this invitation no longer has access, so it stopped working: " +
      "ask another admin for a new one."
    );
  if (row.expires_at <= now)
    return `This invitation expired on ${formatDate(row.expires_at, "UTC")}: ask an admin for a new one.`;
  return null;
}

export type InvitationView = { open: true; email: string | null; roles: Role[] } | { open: false; reason: string };

// What the page for a link shows; null for a token that names no invitation at all.
export async function openInvitation(token: string, now = new Date()): Promise<InvitationView | null> {
  const db = getDb();
  const row = await findInvitationByToken(db, hashToken(token));
  if (!row) return null;
  const reason = closedReason(row, now, row.email === null && (await countUsers(db)) > 0);
  return reason ? { open: false, reason } : { open: true, email: row.email, roles: row.roles as Role[] };
}

// Turns an open invitation into an account with the invited roles; the link then stops working.
// Serialised with the first start and with each other (one lock), so two setup links accepted
// at once cannot both make an admin.
export async function acceptInvitation(
  token: string,
  data: { email: string; name: string; password: string },
  now = new Date(),
): Promise<{ userId: string }> {
  requireStrongPassword(data.password, [data.email, data.name]);
  const passwordHash = await hashPassword(data.password);
  return getDb()
    .transaction()
    .execute(async (tx) => {
      await lockFirstAdmin(tx);
      const invitation = await findInvitationByToken(tx, hashToken(token));
      if (!invitation) throw new DomainError("not-found", "This invitation link is not valid.");
      const setup = invitation.email === null;
      const reason = closedReason(invitation, now, setup && (await countUsers(tx)) > 0);
      if (reason) throw new DomainError("conflict", reason);
      const email = invitation.email ?? data.email;
      if (!email) throw refuseEmail("Enter your email address");
      if (await emailTaken(tx, email)) throw refuseEmail(ACCOUNT_EXISTS);
      const roles = invitation.roles as Role[];
      const userId = await createUser(tx, { email, name: data.name, passwordHash, roles });
      await markInvitationAccepted(tx, invitation.id, userId, now);
      if (setup) await revokeSetupLinks(tx, now);
      await appendAudit(tx, {
        actorId: userId,
        action: "invitation.accept",
        subjectType: "user",
        subjectId: userId,
        details: { before: null, after: { email, roles } },
      });
      return { userId };
    });
}

// The one-time link of an empty install; the caller holds the first-admin lock.
export async function mintSetupLink(
  tx: Transaction<DB>,
  base: string,
  now = new Date(),
): Promise<{ id: string; link: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = expiry(now);
  const id = await insertInvitation(tx, {
    tokenHash: hashToken(token),
    email: null,
    roles: ["admin"],
    invitedBy: null,
    expiresAt,
  });
  await appendAudit(tx, { actorId: null, action: "invitation.setup-link", subjectType: "invitation", subjectId: id });
  return { id, link: linkFor(token, base), expiresAt };
}
