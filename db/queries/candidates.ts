import { sql, type ExpressionBuilder } from "kysely";
import type { Conn, DB } from "../schema";
import { sitsOnCommittee } from "./committee";
import { standingDecisions, standingOutcomeOf } from "./decisions";
import { feedbackOverdue } from "./feedback-status";

// Who is asking: recruiters and admins see every candidate; anyone else only the candidates whose
// committee they sit on. The scope is in each query, so an outsider finds nothing (a 404).
export type Viewer = { id: string; seesAll: boolean };

const visibleTo = (viewer: Viewer) => (eb: ExpressionBuilder<DB, "candidates">) =>
  viewer.seesAll ? eb.lit(true) : sitsOnCommittee(eb, viewer.id);

export type CandidateFilter = {
  q: string; // part of the name or email
  position: string;
  stage: string; // has a (not cancelled) interview at this stage
  decision: string; // the standing decision's outcome, or "pending" for none
  sort: "newest" | "name" | "overdue";
};

const standingOutcome = (eb: ExpressionBuilder<DB, "candidates">) => standingOutcomeOf(eb.ref("candidates.id"));

export async function listCandidates(db: Conn, viewer: Viewer, now: Date, filter?: CandidateFilter) {
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
        .where(feedbackOverdue(now))
        .as("overdue_count"),
      standingOutcome(eb).as("decision"),
    ])
    .where("candidates.archived_at", "is", null)
    .where(visibleTo(viewer));
  if (filter?.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([eb("candidates.name", "ilike", pattern), eb("candidates.email", "ilike", pattern)]),
    );
  }
  if (filter?.position) query = query.where("candidates.position_id", "=", filter.position);
  if (filter?.stage) {
    const stage = filter.stage as DB["interviews"]["stage"];
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom("interviews")
          .select("interviews.id")
          .whereRef("interviews.candidate_id", "=", "candidates.id")
          .where("interviews.cancelled_at", "is", null)
          .where("interviews.stage", "=", stage),
      ),
    );
  }
  if (filter?.decision === "pending") query = query.where((eb) => eb.not(eb.exists(standingOutcome(eb))));
  else if (filter?.decision) {
    const outcome = filter.decision as DB["decisions"]["outcome"];
    query = query.where((eb) => eb(standingOutcome(eb), "=", outcome));
  }
  const sort = filter?.sort ?? "newest";
  if (sort === "name") query = query.orderBy("candidates.name").orderBy("candidates.id");
  else if (sort === "overdue") query = query.orderBy("overdue_count", "desc").orderBy("candidates.name");
  else query = query.orderBy("candidates.created_at", "desc");
  return query.execute();
}

export type CandidateValues = {
  position_id: string;
  name: string;
  email: string;
  level_applied: string | null;
  source: string | null;
  cv_url: string | null;
};

const candidateColumns = [
  "candidates.id",
  "candidates.position_id",
  "candidates.name",
  "candidates.email",
  "candidates.level_applied",
  "candidates.source",
  "candidates.cv_url",
  "candidates.archived_at",
  "candidates.created_at",
] as const;

const candidateWithPosition = (db: Conn) =>
  db
    .selectFrom("candidates")
    .innerJoin("positions", "positions.id", "candidates.position_id")
    .select(candidateColumns)
    .select([
      "positions.title as position_title",
      "positions.kit_id",
      "positions.competencies",
      "positions.status as position_status",
      "positions.level_min",
      "positions.level_max",
    ]);

// For the pages only recruiters and admins reach (their guard has already said who may).
export async function findCandidate(db: Conn, id: string) {
  return candidateWithPosition(db).where("candidates.id", "=", id).executeTakeFirst();
}

// One candidate with their position, or nothing when there is none the viewer may see.
export async function findCandidateFor(db: Conn, viewer: Viewer, id: string) {
  return candidateWithPosition(db).where("candidates.id", "=", id).where(visibleTo(viewer)).executeTakeFirst();
}

// The unique index is on (position_id, lower(email)): the same person may apply to two positions.
export async function findCandidateByEmail(db: Conn, positionId: string, email: string, exceptId?: string) {
  let query = db
    .selectFrom("candidates")
    .select(["id", "name", "archived_at"])
    .where("position_id", "=", positionId)
    .where(sql`lower(email)`, "=", email.toLowerCase());
  if (exceptId) query = query.where("id", "<>", exceptId);
  return query.executeTakeFirst();
}

export async function insertCandidate(db: Conn, values: CandidateValues): Promise<string> {
  const row = await db.insertInto("candidates").values(values).returning("id").executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCandidate(
  db: Conn,
  id: string,
  values: Partial<CandidateValues> & { archived_at?: Date | null },
) {
  await db.updateTable("candidates").set(values).where("id", "=", id).execute();
}

export async function latestDecision(db: Conn, candidateId: string) {
  return db
    .selectFrom(standingDecisions())
    .innerJoin("users", "users.id", "standing.recorded_by")
    .select([
      "standing.outcome",
      "standing.level",
      "standing.rationale",
      "standing.recorded_at",
      "users.name as recorded_by",
    ])
    .where("standing.candidate_id", "=", candidateId)
    .executeTakeFirst();
}

export async function listArchivedCandidates(db: Conn) {
  return db
    .selectFrom("candidates")
    .innerJoin("positions", "positions.id", "candidates.position_id")
    .select(["candidates.id", "candidates.name", "candidates.archived_at", "positions.title as position_title"])
    .where("candidates.archived_at", "is not", null)
    .orderBy("candidates.archived_at", "desc")
    .execute();
}
