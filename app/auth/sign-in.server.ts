import { getDb } from "~db/index.server";
import { findUserForSignIn } from "~db/queries/users";
import { appendAudit } from "~db/queries/audit";
import {
  claimSignInAttempt,
  forgetSignInAttempts,
  refundSignInAttempt,
  type ThrottleRule,
} from "~db/queries/sign-in-throttle";
import { DomainError } from "~/errors.server";
import { currentClient } from "~/request-client.server";
import { PasswordWorkBusy, verifyPassword } from "./password.server";

// Growing delays instead of a lock (docs/decisions/006): the pair (this account from this
// address) slows down first; the address alone catches spraying across accounts; the account
// alone catches guesses spread over many addresses but waits at most a minute, so an attacker
// can never keep the real user out for long. Every attempt counts; a success is given back.
export const THROTTLE = {
  address: { free: 30, firstWaitSeconds: 5, capSeconds: 900, resetSeconds: 3600 },
  pair: { free: 5, firstWaitSeconds: 5, capSeconds: 900, resetSeconds: 3600 },
  account: { free: 10, firstWaitSeconds: 5, capSeconds: 60, resetSeconds: 3600 },
} as const satisfies Record<string, ThrottleRule>;

// The same message for an unknown email and a wrong password: no hint which it was.
const WRONG = "That email and password do not match an account.";

const seconds = (n: number) => (n === 1 ? "1 second" : `${n} seconds`);

// The signed-in user's id; a refusal is a DomainError: "unauthenticated" (401) for a wrong email or
// password, "too-many" (429, with `retryAfterSeconds`) while throttled or while hashing is saturated.
export async function signIn(email: string, password: string): Promise<string> {
  const db = getDb();
  const account = email.trim().toLowerCase();
  const address = currentClient().address ?? "unknown";
  const keys = { address: `address:${address}`, pair: `pair:${account}|${address}`, account: `account:${account}` };
  // In order, stopping at the first refusal, so a refused attempt does not count against the rest.
  for (const kind of ["address", "pair", "account"] as const) {
    const claim = await claimSignInAttempt(db, keys[kind], THROTTLE[kind]);
    if (!claim.allowed) {
      const wait = Math.max(1, claim.retryAfterSeconds);
      throw new DomainError("too-many", `Too many sign-in attempts. Try again in ${seconds(wait)}.`, {
        retryAfterSeconds: wait,
      });
    }
  }
  const user = await findUserForSignIn(db, account);
  let valid: boolean;
  try {
    valid = await verifyPassword(user?.password_hash ?? null, password);
  } catch (error) {
    if (error instanceof PasswordWorkBusy) throw new DomainError("too-many", error.message, { retryAfterSeconds: 5 });
    throw error;
  }
  if (!user || !valid || !user.active) {
    await appendAudit(db, { actorId: null, action: "sign-in.failed", details: { email: account } });
    throw new DomainError("unauthenticated", WRONG);
  }
  await refundSignInAttempt(db, keys.address);
  await forgetSignInAttempts(db, [keys.pair, keys.account]);
  await appendAudit(db, { actorId: user.id, action: "sign-in", subjectType: "user", subjectId: user.id });
  return user.id;
}
