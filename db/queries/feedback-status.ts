import { sql } from "kysely";
import { OVERDUE_AFTER_HOURS } from "../../app/scorecards/feedback-status";

// "Overdue" in SQL, written once: no submitted scorecard OVERDUE_AFTER_HOURS after the interview
// ended (the same number the pages use). Fragments over `interviews` left-joined to `scorecards`.

export const interviewEnd = sql<Date>`(interviews.scheduled_at + make_interval(mins => interviews.duration_minutes))`;
export const feedbackDeadline = sql<Date>`(${interviewEnd} + make_interval(hours => ${sql.lit(OVERDUE_AFTER_HOURS)}))`;
export const notSubmitted = sql<boolean>`(scorecards.status is distinct from 'submitted')`;

// The plain bound on scheduled_at lets the planner use its index; the exact deadline is checked after it.
export function feedbackOverdue(now: Date) {
  const bound = new Date(now.getTime() - OVERDUE_AFTER_HOURS * 3600_000);
  return sql<boolean>`(${notSubmitted} and interviews.scheduled_at < ${bound} and ${feedbackDeadline} < ${now})`;
}

export function beforeFeedbackDeadline(now: Date) {
  return sql<boolean>`(${feedbackDeadline} >= ${now})`;
}
