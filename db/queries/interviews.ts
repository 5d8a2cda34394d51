import type { Kysely, Transaction } from "kysely";
import type { DB } from "../schema";

type Conn = Kysely<DB> | Transaction<DB>;

export async function listInterviewsForInterviewer(db: Conn, interviewerId: string) {
  return db
    .selectFrom("interviews")
    .innerJoin("candidates", "candidates.id", "interviews.candidate_id")
    .innerJoin("positions", "positions.id", "candidates.position_id")
    .leftJoin("scorecards", "scorecards.interview_id", "interviews.id")
    .select([
      "interviews.id",
      "interviews.scheduled_at",
      "interviews.duration_minutes",
      "interviews.time_zone",
      "interviews.stage",
      "interviews.cancelled_at",
      "candidates.name as candidate_name",
      "positions.title as position_title",
      "scorecards.status as scorecard_status",
      "scorecards.submitted_at",
    ])
    .where("interviews.interviewer_id", "=", interviewerId)
    .where("interviews.cancelled_at", "is", null)
    .where("candidates.archived_at", "is", null)
    .orderBy("interviews.scheduled_at", "asc")
    .execute();
}
