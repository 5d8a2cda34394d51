import type { Conn, InterviewStage } from "../schema";

// An interview with the candidate and position it is for: what a home page, a reminder or a
// calendar invitation names. Callers add their own joins, columns and filters.
export function interviewsWithCandidate(db: Conn) {
  return db
    .selectFrom("interviews")
    .innerJoin("candidates", "candidates.id", "interviews.candidate_id")
    .innerJoin("positions", "positions.id", "candidates.position_id")
    .select([
      "interviews.id",
      "interviews.scheduled_at",
      "interviews.duration_minutes",
      "interviews.time_zone",
      "interviews.stage",
      "interviews.cancelled_at",
      "candidates.name as candidate_name",
      "positions.title as position_title",
    ]);
}

export async function listInterviewsForInterviewer(db: Conn, interviewerId: string) {
  return interviewsWithCandidate(db)
    .leftJoin("scorecards", "scorecards.interview_id", "interviews.id")
    .select(["scorecards.status as scorecard_status", "scorecards.submitted_at"])
    .where("interviews.interviewer_id", "=", interviewerId)
    .where("interviews.cancelled_at", "is", null)
    .where("candidates.archived_at", "is", null)
    .orderBy("interviews.scheduled_at", "asc")
    .execute();
}

export type InterviewValues = {
  candidate_id: string;
  interviewer_id: string;
  scheduled_at: Date;
  time_zone: string;
  duration_minutes: number;
  stage: InterviewStage;
  focus_competencies: string[];
  focus_questions: string[];
  kit_id: string;
};

// One interview of a loop as the candidate page and the interview form read it.
const loopColumns = [
  "interviews.id",
  "interviews.interviewer_id",
  "interviews.scheduled_at",
  "interviews.time_zone",
  "interviews.duration_minutes",
  "interviews.stage",
  "interviews.focus_competencies",
  "interviews.focus_questions",
  "interviews.cancelled_at",
  "interviews.cancel_reason",
  "scorecards.status as scorecard_status",
] as const;

// The loop as the candidate page shows it, cancelled interviews included (marked as such).
export async function listInterviewsForCandidate(db: Conn, candidateId: string) {
  return db
    .selectFrom("interviews")
    .innerJoin("users", "users.id", "interviews.interviewer_id")
    .leftJoin("scorecards", "scorecards.interview_id", "interviews.id")
    .select(loopColumns)
    .select(["users.name as interviewer_name", "users.active as interviewer_active"])
    .where("interviews.candidate_id", "=", candidateId)
    .orderBy("interviews.scheduled_at", "asc")
    .execute();
}

export async function findInterview(db: Conn, candidateId: string, interviewId: string) {
  return db
    .selectFrom("interviews")
    .leftJoin("scorecards", "scorecards.interview_id", "interviews.id")
    .select(loopColumns)
    .select(["interviews.candidate_id", "interviews.kit_id"])
    .where("interviews.id", "=", interviewId)
    .where("interviews.candidate_id", "=", candidateId)
    .executeTakeFirst();
}

export async function insertInterview(db: Conn, values: InterviewValues): Promise<string> {
  const row = await db
    .insertInto("interviews")
    .values({
      ...values,
      focus_competencies: JSON.stringify(values.focus_competencies),
      focus_questions: JSON.stringify(values.focus_questions),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateInterview(
  db: Conn,
  id: string,
  values: Partial<Omit<InterviewValues, "candidate_id">> & { cancelled_at?: Date; cancel_reason?: string },
) {
  const { focus_competencies, focus_questions, ...rest } = values;
  await db
    .updateTable("interviews")
    .set({
      ...rest,
      ...(focus_competencies ? { focus_competencies: JSON.stringify(focus_competencies) } : {}),
      ...(focus_questions ? { focus_questions: JSON.stringify(focus_questions) } : {}),
    })
    .where("id", "=", id)
    .execute();
}
