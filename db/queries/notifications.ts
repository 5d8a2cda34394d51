import { sql } from "kysely";
import type { Conn, Role } from "../schema";
import { interviewEnd, notSubmitted } from "./feedback-status";
import { interviewsWithCandidate } from "./interviews";

// An interview with who gives it, who it is about and for which position: what every message
// about an interview names. Shared by the reminder run, the calendar mail and the interview lists.
export function interviewsWithPeople(db: Conn) {
  return interviewsWithCandidate(db)
    .innerJoin("users", "users.id", "interviews.interviewer_id")
    .select([
      "candidates.id as candidate_id",
      "positions.recruiter_id",
      "users.id as interviewer_id",
      "users.name as interviewer_name",
      "users.email as interviewer_email",
      "users.time_zone as interviewer_time_zone",
    ]);
}

// Interviews whose interviewer still owes feedback and that ended before `endedBefore`, with
// what a reminder needs to say. Cancelled interviews and archived candidates owe nothing.
export async function listFeedbackOwed(db: Conn, endedBefore: Date) {
  return interviewsWithPeople(db)
    .leftJoin("scorecards", (j) =>
      j
        .onRef("scorecards.interview_id", "=", "interviews.id")
        .onRef("scorecards.author_id", "=", "interviews.interviewer_id"),
    )
    .leftJoin("reminder_mutes", "reminder_mutes.interview_id", "interviews.id")
    .leftJoin("outbox_messages as first", (j) =>
      j.onRef("first.dedupe_key", "=", sql`'reminder:' || interviews.id || ':first'`),
    )
    .select(["reminder_mutes.reason as mute_reason", "first.created_at as first_reminder_at"])
    .where("interviews.cancelled_at", "is", null)
    .where("candidates.archived_at", "is", null)
    .where("users.active", "=", true)
    .where(notSubmitted)
    .where(interviewEnd, "<=", endedBefore)
    .orderBy("interviews.scheduled_at")
    .execute();
}

export type FeedbackOwed = Awaited<ReturnType<typeof listFeedbackOwed>>[number];

export async function listActiveUsersWithRole(db: Conn, role: Role) {
  return db
    .selectFrom("users")
    .innerJoin("user_roles", "user_roles.user_id", "users.id")
    .select(["users.id", "users.name", "users.email", "users.time_zone"])
    .where("user_roles.role", "=", role)
    .where("users.active", "=", true)
    .orderBy("users.email")
    .execute();
}

// A candidate with the position's title and recruiter: what a message about a candidate names.
function candidatesWithPosition(db: Conn) {
  return db
    .selectFrom("candidates")
    .innerJoin("positions", "positions.id", "candidates.position_id")
    .select(["candidates.id", "candidates.name", "positions.title as position_title", "positions.recruiter_id"]);
}

// Candidates whose every live interview has a submitted scorecard and no decision yet.
export async function listPacketsReady(db: Conn) {
  return candidatesWithPosition(db)
    .where("candidates.archived_at", "is", null)
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom("interviews")
          .select("interviews.id")
          .whereRef("interviews.candidate_id", "=", "candidates.id")
          .where("interviews.cancelled_at", "is", null),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom("interviews")
            .leftJoin("scorecards", "scorecards.interview_id", "interviews.id")
            .select("interviews.id")
            .whereRef("interviews.candidate_id", "=", "candidates.id")
            .where("interviews.cancelled_at", "is", null)
            .where((eb) => eb.or([eb("scorecards.status", "is", null), eb("scorecards.status", "!=", "submitted")])),
        ),
      ),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom("decisions").select("decisions.id").whereRef("decisions.candidate_id", "=", "candidates.id")),
      ),
    )
    .orderBy("candidates.name")
    .execute();
}

// For "packet ready": how many live interviews the candidate has, and how many are submitted.
export async function packetProgress(db: Conn, candidateId: string) {
  const row = await db
    .selectFrom("interviews")
    .leftJoin("scorecards", "scorecards.interview_id", "interviews.id")
    .select((eb) => [
      eb.fn.countAll<number>().as("live"),
      eb.fn.count<number>("scorecards.id").filterWhere("scorecards.status", "=", "submitted").as("submitted"),
    ])
    .where("interviews.candidate_id", "=", candidateId)
    .where("interviews.cancelled_at", "is", null)
    .executeTakeFirstOrThrow();
  return { live: Number(row.live), submitted: Number(row.submitted) };
}

export async function findCandidateSummary(db: Conn, candidateId: string) {
  return candidatesWithPosition(db).where("candidates.id", "=", candidateId).executeTakeFirst();
}

export async function listCommitteeRecipients(db: Conn, candidateId: string) {
  return db
    .selectFrom("committee_members")
    .innerJoin("users", "users.id", "committee_members.user_id")
    .select(["users.id", "users.name", "users.email"])
    .where("committee_members.candidate_id", "=", candidateId)
    .where("users.active", "=", true)
    .execute();
}

// One interview with what its calendar invitation says.
export async function findInterviewForCalendar(db: Conn, interviewId: string) {
  return interviewsWithPeople(db).where("interviews.id", "=", interviewId).executeTakeFirst();
}

// Someone a message goes to by id (the interviewer an interview was taken from).
export async function findRecipient(db: Conn, userId: string) {
  return db
    .selectFrom("users")
    .select(["id", "name", "email", "time_zone"])
    .where("id", "=", userId)
    .where("active", "=", true)
    .executeTakeFirst();
}

export async function findNotificationSettings(db: Conn) {
  return db.selectFrom("notification_settings").selectAll().where("id", "=", 1).executeTakeFirst();
}

export async function saveNotificationSettings(
  db: Conn,
  values: {
    first_after_minutes: number;
    daily_hour: number;
    working_days: number[];
    escalate_after_days: number;
    updated_by: string;
  },
): Promise<void> {
  const row = { ...values, working_days: JSON.stringify(values.working_days), updated_at: new Date() };
  await db
    .insertInto("notification_settings")
    .values({ id: 1, ...row })
    .onConflict((oc) => oc.column("id").doUpdateSet(row))
    .execute();
}

// The interviewer's own interview only: muting someone else's reminders is a no-op.
export async function muteReminders(db: Conn, interviewId: string, userId: string, reason: string): Promise<boolean> {
  const owned = await db
    .selectFrom("interviews")
    .select("id")
    .where("id", "=", interviewId)
    .where("interviewer_id", "=", userId)
    .executeTakeFirst();
  if (!owned) return false;
  await db
    .insertInto("reminder_mutes")
    .values({ interview_id: interviewId, user_id: userId, reason })
    .onConflict((oc) => oc.column("interview_id").doUpdateSet({ reason, muted_at: new Date() }))
    .execute();
  return true;
}

export async function findMute(db: Conn, interviewId: string) {
  return db
    .selectFrom("reminder_mutes")
    .select(["reason", "muted_at"])
    .where("interview_id", "=", interviewId)
    .executeTakeFirst();
}
