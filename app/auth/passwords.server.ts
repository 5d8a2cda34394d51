import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { closeOpenResets, findResetByToken, insertReset, markResetUsed } from "~db/queries/password-resets";
import { findPerson } from "~db/queries/people";
import { deleteSessionsOf, findPasswordHash, setPasswordHash, type SessionUser } from "~db/queries/users";
import { publicUrl } from "~/env.server";
import { DomainError } from "~/errors.server";
import { sendMessage } from "~/notifications/send.server";
import { hashPassword, verifyPassword } from "./password.server";
import { requireStrongPassword } from "./password-strength.server";
import { hashToken, newToken } from "./token.server";

export const RESET_HOURS = 24;

// Changing one's own password: the current one proves it is them; every other session of theirs
// ends (a thief signed in elsewhere is out), this one stays.
export async function changeOwnPassword(
  user: SessionUser,
  keepSessionId: string | null,
  data: { current: string; password: string },
): Promise<void> {
  const db = getDb();
  if (!(await verifyPassword(await findPasswordHash(db, user.id), data.current))) {
    const message = "Current password is not right";
    throw new DomainError("invalid", message, { fields: { current: message } });
  }
  requireStrongPassword(data.password, [user.email, user.name]);
  const passwordHash = await hashPassword(data.password);
  await db.transaction().execute(async (tx) => {
    await setPasswordHash(tx, user.id, passwordHash);
    const sessionsEnded = await deleteSessionsOf(tx, user.id, keepSessionId ?? undefined);
    await appendAudit(tx, {
      actorId: user.id,
      action: "user.password-change",
      subjectType: "user",
      subjectId: user.id,
      details: { sessionsEnded },
    });
  });
}

const resetLink = (token: string) => `${publicUrl().replace(/\/$/, "")}/password-reset/${token}`;

// An admin's reset: a single-use link that expires, shown to the admin and mailed to the person
// (or kept in the outbox). Their sessions end now; an older reset link stops working.
export async function issuePasswordReset(
  actor: SessionUser,
  userId: string,
  now = new Date(),
): Promise<{ email: string; link: string; expiresAt: Date }> {
  const db = getDb();
  const token = newToken();
  const expiresAt = new Date(now.getTime() + RESET_HOURS * 3600_000);
  const issued = await db.transaction().execute(async (tx) => {
    const person = await findPerson(tx, userId);
    if (!person) throw new DomainError("not-found", "No such person.");
    if (!person.active) throw new DomainError("conflict", "Reactivate this person before resetting their password");
    await closeOpenResets(tx, userId, now);
    const id = await insertReset(tx, { tokenHash: hashToken(token), userId, issuedBy: actor.id, expiresAt });
    const sessionsEnded = await deleteSessionsOf(tx, userId);
    await appendAudit(tx, {
      actorId: actor.id,
      action: "user.password-reset-issued",
      subjectType: "user",
      subjectId: userId,
      details: { resetId: id, expiresAt: expiresAt.toISOString(), sessionsEnded },
    });
    return { id, email: person.email };
  });
  const link = resetLink(token);
  await sendMessage(
    db,
    "password-reset",
    { id: userId, email: issued.email },
    {
      subject: "Set a new Panel password",
      content: {
        preview: "An admin reset your Panel password.",
        heading: "Set a new password",
        lines: [
          "An admin reset your Panel password, and signed you out everywhere.",
          `The link works once and expires in ${RESET_HOURS} hours.`,
        ],
        action: { label: "Set a new password", url: link },
      },
    },
    { key: `password-reset:${issued.id}` },
  );
  return { email: issued.email, link, expiresAt };
}

type ResetRow = NonNullable<Awaited<ReturnType<typeof findResetByToken>>>;

function closedReason(row: ResetRow, now: Date): string | null {
  if (row.used_at) return "This reset link was used already: sign in with the password you set.";
  if (row.closed_at) return "A newer reset link replaced this one: use the most recent link you were sent.";
  if (!row.active) return "This account is deactivated: ask an admin.";
  if (row.expires_at <= now) return "This reset link expired: ask an admin for a new one.";
  return null;
}

export type ResetView = { open: true; email: string } | { open: false; reason: string };

// What the page for a reset link shows; null for a token that names no reset.
export async function openPasswordReset(token: string, now = new Date()): Promise<ResetView | null> {
  const row = await findResetByToken(getDb(), hashToken(token));
  if (!row) return null;
  const reason = closedReason(row, now);
  return reason ? { open: false, reason } : { open: true, email: row.email };
}

// Sets the new password through a reset link; the link then stops working, sessions end.
export async function resetPassword(token: string, password: string, now = new Date()): Promise<{ userId: string }> {
  const db = getDb();
  const passwordHash = await hashPassword(password);
  return db.transaction().execute(async (tx) => {
    const row = await findResetByToken(tx, hashToken(token));
    if (!row) throw new DomainError("not-found", "This reset link is not valid.");
    const reason = closedReason(row, now);
    if (reason) throw new DomainError("conflict", reason);
    requireStrongPassword(password, [row.email, row.name]);
    await setPasswordHash(tx, row.user_id, passwordHash);
    await markResetUsed(tx, row.id, now);
    await deleteSessionsOf(tx, row.user_id);
    await appendAudit(tx, {
      actorId: row.user_id,
      action: "user.password-reset",
      subjectType: "user",
      subjectId: row.user_id,
      details: { resetId: row.id },
    });
    return { userId: row.user_id };
  });
}
