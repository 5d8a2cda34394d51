import { sql, type Kysely, type Transaction } from "kysely";
import type { DB } from "../schema";

type Conn = Kysely<DB> | Transaction<DB>;

// Committee members see only the candidates they sit on; recruiters and admins see all.
export async function listCandidates(db: Conn, viewer: { id: string; seesAll: boolean }, now: Date) {
  let query = db
    .selectFrom("candidates")
    .innerJoin("positions", "positions.id", "candidates.position_id")
    .select([
      "candidates.id",
      "candidates.name",
      "candidates.email",
      "candidates.level_applied",
      "positions.title as position_title",
    ])
    .select((eb) => [
      eb
        .selectFrom("interviews")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("interviews.candidate_id", "=", "candidates.id")
        .where("interviews.cancelled_at", "is", null)
        .as("interview_count"),
      eb
        .selectFrom("interviews")
        .innerJoin("scorecards", "scorecards.interview_id", "interviews.id")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("interviews.candidate_id", "=", "candidates.id")
        .where("interviews.cancelled_at", "is", null)
        .where("scorecards.status", "=", "submitted")
        .as("submitted_count"),
      eb
        .selectFrom("interviews")
        .leftJoin("scorecards", "scorecards.interview_id", "interviews.id")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("interviews.candidate_id", "=", "candidates.id")
        .where("interviews.cancelled_at", "is", null)
        .where((w) => w.or([w("scorecards.status", "is", null), w("scorecards.status", "<>", "submitted")]))
        .where(sql<boolean>`interviews.scheduled_at + make_interval(mins => interviews.duration_minutes) + interval '24 hours' < ${now}`)
        .as("overdue_count"),
      eb
        .selectFrom("decisions")
        .select("decisions.outcome")
        .whereRef("decisions.candidate_id", "=", "candidates.id")
        .orderBy("decisions.recorded_at", "desc")
        .limit(1)
        .as("decision"),
    ])
    .where("candidates.archived_at", "is", null)
    .orderBy("candidates.created_at", "desc");
  if (!viewer.seesAll) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("committee_members")
          .select("committee_members.user_id")
          .whereRef("committee_members.candidate_id", "=", "candidates.id")
          .where("committee_members.user_id", "=", viewer.id),
      ),
    );
  }
  return query.execute();
}
