import { sql } from "kysely";
import type { Conn } from "../schema";
import { sitsOnCommittee } from "./committee";
import { feedbackReadableBy } from "./independence";

// Who is asking: recruiters and admins see every candidate; anyone else only the candidates
// whose committee they sit on. The scope is in the query, so an outsider finds nothing.
export type PacketViewer = { id: string; seesAll: boolean };

export async function findPacketCandidate(db: Conn, candidateId: string, viewer: PacketViewer | null) {
  let query = db
    .selectFrom("candidates")
    .innerJoin("positions", "positions.id", "candidates.position_id")
    .select([
      "candidates.id",
      "candidates.name",
      "candidates.email",
      "candidates.level_applied",
      "positions.id as position_id",
      "positions.title as position_title",
    ])
    .where("candidates.id", "=", candidateId);
  if (viewer && !viewer.seesAll) {
    query = query.where((eb) => sitsOnCommittee(eb, viewer.id));
  }
  return query.executeTakeFirst();
}

// The loop as the committee reads it: cancelled interviews are not part of the packet. The
// scorecard content comes along only once submitted; a draft stays its author's. A viewer who
// still owes their own feedback on this candidate gets no one else's (`withheld`).
export async function listPacketInterviews(db: Conn, candidateId: string, viewerId: string | null) {
  const readable = feedbackReadableBy(viewerId);
  return db
    .selectFrom("interviews")
    .innerJoin("users", "users.id", "interviews.interviewer_id")
    .leftJoin("scorecards", "scorecards.interview_id", "interviews.id")
    .select((eb) => [
      "interviews.id",
      "interviews.scheduled_at",
      "interviews.duration_minutes",
      "interviews.stage",
      "interviews.focus_competencies",
      "interviews.focus_questions",
      "interviews.kit_id",
      "users.id as interviewer_id",
      "users.name as interviewer_name",
      "scorecards.status as scorecard_status",
      "scorecards.revision",
      "scorecards.submitted_at",
      eb
        .case()
        .when(eb.and([eb("scorecards.status", "=", "submitted"), readable]))
        .then(eb.ref("scorecards.content"))
        .else(null)
        .end()
        .as("content"),
      sql<boolean>`not ${readable}`.as("withheld"),
    ])
    .where("interviews.candidate_id", "=", candidateId)
    .where("interviews.cancelled_at", "is", null)
    .orderBy("interviews.scheduled_at", "asc")
    .execute();
}

// For the command line: every candidate, with the position they applied for.
export async function listPacketCandidates(db: Conn) {
  return db
    .selectFrom("candidates")
    .innerJoin("positions", "positions.id", "candidates.position_id")
    .select(["candidates.id", "candidates.name", "candidates.email", "positions.title as position"])
    .orderBy("candidates.name")
    .orderBy("candidates.id")
    .execute();
}

export async function findCandidateIdsByEmail(db: Conn, email: string): Promise<string[]> {
  const rows = await db
    .selectFrom("candidates")
    .select("id")
    .where("email", "=", email.toLowerCase())
    .orderBy("created_at")
    .execute();
  return rows.map((r) => r.id);
}
