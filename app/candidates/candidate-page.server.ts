import { getDb } from "~db/index.server";
import { findCandidateFor, latestDecision } from "~db/queries/candidates";
import { listCommittee } from "~db/queries/committee";
import { listInterviewsForCandidate } from "~db/queries/interviews";
import { hasRole, type SessionUser } from "~/auth/guard.server";
import { DomainError } from "~/errors.server";
import { feedbackDeadline, feedbackStatus, scorecardState } from "~/scorecards/feedback-status";
import { currentKit } from "~/scorecards/kits.server";
import { uncovered } from "~/panels/panel.server";
import { viewerOf } from "./candidates.server";

// The hub of one candidate's loop: who interviews when, where each scorecard stands, what the
// loop does not cover yet, who sits on the committee and what was decided. A candidate the
// viewer may not see is not found, the same as one that does not exist.
export async function loadCandidatePage(user: SessionUser, candidateId: string, now = new Date()) {
  const db = getDb();
  const candidate = await findCandidateFor(db, viewerOf(user), candidateId);
  if (!candidate) throw new DomainError("not-found", "No such candidate.");
  const [interviews, committee, decision, { kit, version }] = await Promise.all([
    listInterviewsForCandidate(db, candidateId),
    listCommittee(db, candidateId),
    latestDecision(db, candidateId),
    currentKit(db, candidate.kit_id),
  ]);
  const manages = hasRole(user, "recruiter", "admin");
  const prompt = new Map(kit.questions.map((q) => [q.id, q.prompt]));
  return {
    candidate: { ...candidate, archived_at: candidate.archived_at?.toISOString() ?? null },
    manages,
    kit: { id: kit.id, title: kit.title, version },
    interviews: interviews.map((i) => {
      const timing = {
        scheduledAt: i.scheduled_at,
        durationMinutes: i.duration_minutes,
        cancelledAt: i.cancelled_at,
        scorecardStatus: i.scorecard_status,
      };
      return {
        id: i.id,
        interviewerName: i.interviewer_name,
        interviewerActive: i.interviewer_active,
        scheduledAt: i.scheduled_at.toISOString(),
        timeZone: i.time_zone,
        durationMinutes: i.duration_minutes,
        stage: i.stage,
        focusCompetencies: i.focus_competencies as string[],
        focusQuestions: (i.focus_questions as string[]).map((id) => prompt.get(id) ?? id),
        cancelReason: i.cancel_reason,
        feedback: feedbackStatus(timing, now),
        scorecard: scorecardState(i.scorecard_status),
        deadline: feedbackDeadline(timing).toISOString(),
      };
    }),
    uncovered: uncovered(candidate.competencies as string[], interviews),
    committee,
    decision: decision ? { ...decision, recorded_at: decision.recorded_at.toISOString() } : null,
  };
}
