import type { Conn } from "~db/schema";
import { deleteExpired, type Pruned } from "~db/queries/maintenance";
import { getSettings } from "~/env.server";
import { THROTTLE } from "~/auth/sign-in.server";

// A form's one-time key only has to outlive a double click and a retried post.
const SUBMISSION_KEY_DAYS = 1;
const longestReset = Math.max(...Object.values(THROTTLE).map((rule) => rule.resetSeconds));

// One function so it can move onto a job queue as it is. Run at start and hourly by server.ts.
export async function pruneExpired(db: Conn, now = new Date()): Promise<Pruned> {
  return deleteExpired(db, {
    now,
    idleSince: new Date(now.getTime() - getSettings().SESSION_IDLE_MINUTES * 60_000),
    throttleBefore: new Date(now.getTime() - longestReset * 1000),
    submissionsBefore: new Date(now.getTime() - SUBMISSION_KEY_DAYS * 86_400_000),
  });
}
