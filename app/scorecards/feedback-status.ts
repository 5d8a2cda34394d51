// Where an interview's feedback stands. Overdue: no submitted scorecard 24 h after the
// interview ended. Cancelled interviews are never overdue.
export const OVERDUE_AFTER_HOURS = 24;

export type ScorecardState = "not-started" | "draft" | "submitted";
export type FeedbackStatus = "upcoming" | "due" | "overdue" | "submitted" | "cancelled";

export type InterviewTiming = {
  scheduledAt: Date;
  durationMinutes: number;
  cancelledAt: Date | null;
  scorecardStatus: "draft" | "submitted" | null;
};

export function interviewEnd(i: Pick<InterviewTiming, "scheduledAt" | "durationMinutes">): Date {
  return new Date(i.scheduledAt.getTime() + i.durationMinutes * 60_000);
}

export function feedbackDeadline(i: Pick<InterviewTiming, "scheduledAt" | "durationMinutes">): Date {
  return new Date(interviewEnd(i).getTime() + OVERDUE_AFTER_HOURS * 3600_000);
}

export function feedbackStatus(i: InterviewTiming, now: Date): FeedbackStatus {
  if (i.cancelledAt) return "cancelled";
  if (i.scorecardStatus === "submitted") return "submitted";
  if (now < i.scheduledAt) return "upcoming";
  return now > feedbackDeadline(i) ? "overdue" : "due";
}

export function scorecardState(status: "draft" | "submitted" | null): ScorecardState {
  return status ?? "not-started";
}
