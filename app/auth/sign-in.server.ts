import { getDb } from "~db/index.server";
import { countRecentFailures, findUserForSignIn, recordFailure } from "~db/queries/users";
import { appendAudit } from "~db/queries/audit";
import { verifyPassword } from "./password.server";

export const LOCKOUT = { failures: 10, minutes: 15 } as const;

export type SignInResult = { ok: true; userId: string } | { ok: false; message: string };

// The same message for an unknown email and a wrong password: no hint which it was.
const WRONG = "That email and password do not match an account.";

export async function signIn(email: string, password: string, now = new Date()): Promise<SignInResult> {
  const db = getDb();
  const since = new Date(now.getTime() - LOCKOUT.minutes * 60_000);
  if ((await countRecentFailures(db, email, since)) >= LOCKOUT.failures) {
    return {
      ok: false,
      message: `Too many failed sign-ins for this email. It is locked for ${LOCKOUT.minutes} minutes; try again later.`,
    };
  }
  const user = await findUserForSignIn(db, email);
  const valid = await verifyPassword(user?.password_hash ?? null, password);
  if (!user || !valid || !user.active) {
    await recordFailure(db, email);
    await appendAudit(db, { actorId: null, action: "sign-in.failed", details: { email: email.toLowerCase() } });
    return { ok: false, message: WRONG };
  }
  await appendAudit(db, { actorId: user.id, action: "sign-in", subjectType: "user", subjectId: user.id });
  return { ok: true, userId: user.id };
}
