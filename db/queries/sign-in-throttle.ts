import { sql } from "kysely";
import type { Conn } from "../schema";

// `free` attempts pass at once; after that each one doubles the wait (firstWaitSeconds, twice
// that, …) up to `capSeconds`. A key idle for `resetSeconds` starts again from zero.
export type ThrottleRule = { free: number; firstWaitSeconds: number; capSeconds: number; resetSeconds: number };

export type Claim = { allowed: boolean; retryAfterSeconds: number };

// One statement per attempt, so parallel guesses on any number of instances are counted one by
// one under the row lock: an attempt is let through only while the key is not waiting. A
// refused attempt keeps the key fresh but does not extend the wait. SET sees the row as it was.
export async function claimSignInAttempt(db: Conn, key: string, rule: ThrottleRule): Promise<Claim> {
  const free = sql`${rule.free}::int`;
  const stale = sql`t.last_failed_at < now() - make_interval(secs => ${rule.resetSeconds}::float8)`;
  const waiting = sql`(t.blocked_until > now() and not (${stale}))`;
  const count = sql`(case when ${stale} then 1 when ${waiting} then t.failures else t.failures + 1 end)`;
  const delay = (n: typeof count) =>
    sql`make_interval(secs => case when ${n} <= ${free} then 0 else least(${rule.capSeconds}::float8, ${rule.firstWaitSeconds}::float8 * power(2, ${n} - ${free} - 1)) end)`;
  const { rows } = await sql<{ allowed: boolean; wait: number }>`
    insert into sign_in_throttle as t (key, failures, last_failed_at, blocked_until, allowed)
    values (${key}, 1, now(), now() + ${delay(sql`1`)}, true)
    on conflict (key) do update set
      allowed = not ${waiting},
      failures = ${count},
      last_failed_at = now(),
      blocked_until = case when ${waiting} then t.blocked_until else now() + ${delay(count)} end
    returning allowed, greatest(0, ceil(extract(epoch from blocked_until - now())))::int as wait`.execute(db);
  return { allowed: rows[0].allowed, retryAfterSeconds: rows[0].wait };
}

// A successful sign-in was counted as an attempt too: give it back, or forget the key.
export async function refundSignInAttempt(db: Conn, key: string): Promise<void> {
  await db
    .updateTable("sign_in_throttle")
    .set((eb) => ({ failures: sql`greatest(${eb.ref("failures")} - 1, 0)` }))
    .where("key", "=", key)
    .execute();
}

export async function forgetSignInAttempts(db: Conn, keys: string[]): Promise<void> {
  if (keys.length) await db.deleteFrom("sign_in_throttle").where("key", "in", keys).execute();
}
