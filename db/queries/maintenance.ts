import type { Conn } from "../schema";

export type PruneCutoffs = { now: Date; idleSince: Date; throttleBefore: Date; submissionsBefore: Date };
export type Pruned = { sessions: number; signInThrottle: number; formSubmissions: number };

// Rows nothing will ever read again: ended sessions, counters whose wait is over and that have
// been quiet long enough to start from zero anyway, and double-submit keys of old forms.
export async function deleteExpired(db: Conn, cut: PruneCutoffs): Promise<Pruned> {
  const sessions = await db
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("expires_at", "<=", cut.now), eb("last_seen_at", "<=", cut.idleSince)]))
    .executeTakeFirst();
  const throttle = await db
    .deleteFrom("sign_in_throttle")
    .where("last_failed_at", "<", cut.throttleBefore)
    .where("blocked_until", "<", cut.now)
    .executeTakeFirst();
  const submissions = await db
    .deleteFrom("form_submissions")
    .where("created_at", "<", cut.submissionsBefore)
    .executeTakeFirst();
  return {
    sessions: Number(sessions.numDeletedRows),
    signInThrottle: Number(throttle.numDeletedRows),
    formSubmissions: Number(submissions.numDeletedRows),
  };
}
