import { getDb } from "~db/index.server";
import { listInterviewsForInterviewer } from "~db/queries/interviews";
import { feedbackDeadline, feedbackStatus } from "./feedback-status";

export type MyInterview = {
  id: string;
  candidateName: string;
  positionTitle: string;
  stage: string;
  scheduledAt: string;
  deadline: string;
  hasDraft: boolean;
};

export type MyInterviews = Record<"upcoming" | "due" | "overdue" | "submitted", MyInterview[]>;

export async function listMyInterviews(interviewerId: string, now = new Date()): Promise<MyInterviews> {
  const rows = await listInterviewsForInterviewer(getDb(), interviewerId);
  const groups: MyInterviews = { upcoming: [], due: [], overdue: [], submitted: [] };
  for (const row of rows) {
    const timing = {
      scheduledAt: row.scheduled_at,
      durationMinutes: row.duration_minutes,
      cancelledAt: row.cancelled_at,
      scorecardStatus: row.scorecard_status,
    };
    const status = feedbackStatus(timing, now);
    if (status === "cancelled") continue;
    groups[status].push({
      id: row.id,
      candidateName: row.candidate_name,
      positionTitle: row.position_title,
      stage: row.stage,
      scheduledAt: row.scheduled_at.toISOString(),
      deadline: feedbackDeadline(timing).toISOString(),
      hasDraft: row.scorecard_status === "draft",
    });
  }
  groups.submitted.reverse(); // most recent first
  return groups;
}
