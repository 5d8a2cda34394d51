import { sql } from "kysely";
import type { Conn } from "../schema";
import { feedbackReadableBy } from "./independence";
import { interviewsWithCandidate } from "./interviews";

// The interview as its own interviewer sees it; another user's interview id finds nothing.
export async function findInterviewForInterviewer(db: Conn, interviewId: string, interviewerId: string) {
  return interviewsWithCandidate(db)
    .innerJoin("users", "users.id", "interviews.interviewer_id")
    .select([
      "interviews.candidate_id",
      "interviews.focus_competencies",
      "interviews.focus_questions",
      "interviews.kit_id",
      "candidates.level_applied",
      "users.name as interviewer_name",
    ])
    .where("interviews.id", "=", interviewId)
    .where("interviews.interviewer_id", "=", interviewerId)
    .where("interviews.cancelled_at", "is", null)
    .executeTakeFirst();
}

const scorecardColumns = [
  "scorecards.id",
  "scorecards.status",
  "scorecards.content",
  "scorecards.version",
  "scorecards.revision",
  "scorecards.submitted_at",
  "scorecards.updated_at",
  "scorecards.kit_id",
  "scorecards.kit_version",
] as const;

export async function findScorecardByInterview(db: Conn, interviewId: string) {
  return db
    .selectFrom("scorecards")
    .select(scorecardColumns)
    .where("interview_id", "=", interviewId)
    .executeTakeFirst();
}

export async function insertFirstDraft(
  db: Conn,
  row: { interviewId: string; authorId: string; content: string; kitId: string; kitVersion: number },
) {
  return db
    .insertInto("scorecards")
    .values({
      interview_id: row.interviewId,
      author_id: row.authorId,
      content: row.content,
      kit_id: row.kitId,
      kit_version: row.kitVersion,
      updated_at: sql<Date>`now()`,
    })
    .onConflict((oc) => oc.column("interview_id").doNothing())
    .returning(["id", "version", "updated_at"])
    .executeTakeFirst();
}

// Optimistic concurrency: the write lands only if nobody wrote since `baseVersion`.
export async function updateIfVersion(
  db: Conn,
  scorecardId: string,
  baseVersion: number,
  changes: { content: string; status?: "submitted"; revision?: number; submittedAt?: Date },
) {
  return db
    .updateTable("scorecards")
    .set({
      content: changes.content,
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
      ...(changes.status ? { status: changes.status } : {}),
      ...(changes.revision !== undefined ? { revision: changes.revision } : {}),
      ...(changes.submittedAt ? { submitted_at: changes.submittedAt } : {}),
    })
    .where("id", "=", scorecardId)
    .where("version", "=", baseVersion)
    .returning(["version", "updated_at", "revision"])
    .executeTakeFirst();
}

// An autosave in one statement: it lands only on the author's own draft, on a live interview, if
// nobody wrote since `baseVersion`. No row back means one of those did not hold; the caller asks
// which only then, so a successful save is a single round trip.
export async function saveDraftIfCurrent(
  db: Conn,
  save: { interviewId: string; interviewerId: string; baseVersion: number; content: string },
) {
  return db
    .updateTable("scorecards")
    .set({ content: save.content, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where("interview_id", "=", save.interviewId)
    .where("version", "=", save.baseVersion)
    .where("status", "=", "draft")
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom("interviews")
          .select("interviews.id")
          .whereRef("interviews.id", "=", "scorecards.interview_id")
          .where("interviews.interviewer_id", "=", save.interviewerId)
          .where("interviews.cancelled_at", "is", null),
      ),
    )
    .returning(["version", "updated_at", "revision"])
    .executeTakeFirst();
}

export async function insertRevision(
  db: Conn,
  row: {
    scorecardId: string;
    revision: number;
    content: string;
    reason: string | null;
    submittedBy: string;
    submittedAt: Date;
  },
) {
  await db
    .insertInto("scorecard_revisions")
    .values({
      scorecard_id: row.scorecardId,
      revision: row.revision,
      content: row.content,
      reason: row.reason,
      submitted_by: row.submittedBy,
      submitted_at: row.submittedAt,
    })
    .execute();
}

export async function listRevisions(db: Conn, scorecardId: string) {
  return db
    .selectFrom("scorecard_revisions")
    .select(["revision", "reason", "submitted_at", "content"])
    .where("scorecard_id", "=", scorecardId)
    .orderBy("revision", "asc")
    .execute();
}

// Submitted scorecards of the other interviewers on one candidate (never drafts), as far as
// the viewer may read them (independence: none while another interview of theirs is pending).
export async function listSubmittedForCandidate(
  db: Conn,
  candidateId: string,
  exceptInterviewId: string,
  viewerId: string,
) {
  return db
    .selectFrom("scorecards")
    .innerJoin("interviews", "interviews.id", "scorecards.interview_id")
    .innerJoin("users", "users.id", "interviews.interviewer_id")
    .select([
      "interviews.id as interview_id",
      "interviews.stage",
      "interviews.scheduled_at",
      "users.name as interviewer_name",
      "scorecards.content",
      "scorecards.submitted_at",
      "scorecards.revision",
    ])
    .where("interviews.candidate_id", "=", candidateId)
    .where("interviews.id", "<>", exceptInterviewId)
    .where("interviews.cancelled_at", "is", null)
    .where("scorecards.status", "=", "submitted")
    .where(feedbackReadableBy(viewerId))
    .orderBy("interviews.scheduled_at", "asc")
    .execute();
}
