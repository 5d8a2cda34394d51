import { expressionBuilder, type Expression, type Transaction } from "kysely";
import type { Conn, DB, DecisionVote, MissingScorecard } from "../schema";

// The decision that stands for each candidate: the newest recorded, ties on recorded_at (two
// decisions written in one transaction share its time) broken by id. Every "latest decision"
// reads this derived table, aliased "standing", so no copy can drop the tie-break.
export function standingDecisions() {
  return expressionBuilder<DB, never>()
    .selectFrom("decisions")
    .distinctOn("decisions.candidate_id")
    .select([
      "decisions.id",
      "decisions.candidate_id",
      "decisions.outcome",
      "decisions.level",
      "decisions.rationale",
      "decisions.recorded_at",
      "decisions.recorded_by",
    ])
    .orderBy("decisions.candidate_id")
    .orderBy("decisions.recorded_at", "desc")
    .orderBy("decisions.id", "desc")
    .as("standing");
}

// The standing outcome of one candidate (a column of the outer query) as a scalar subquery.
export function standingOutcomeOf(candidateId: Expression<string>) {
  return expressionBuilder<DB, never>()
    .selectFrom(standingDecisions())
    .select("standing.outcome")
    .where("standing.candidate_id", "=", candidateId);
}

// Every decision ever recorded for the candidate, oldest first; the last one stands.
export async function listDecisions(db: Conn, candidateId: string) {
  return db
    .selectFrom("decisions")
    .innerJoin("users", "users.id", "decisions.recorded_by")
    .select([
      "decisions.id",
      "decisions.outcome",
      "decisions.level",
      "decisions.rationale",
      "decisions.reason",
      "decisions.recorded_at",
      "decisions.votes",
      "decisions.missing_scorecards",
      "decisions.early_reason",
      "users.id as recorded_by_id",
      "users.name as recorded_by_name",
    ])
    .where("decisions.candidate_id", "=", candidateId)
    .orderBy("decisions.recorded_at", "asc")
    .orderBy("decisions.id", "asc")
    .execute();
}

export async function latestDecisionId(db: Conn, candidateId: string): Promise<string | null> {
  const row = await db
    .selectFrom(standingDecisions())
    .select("standing.id")
    .where("standing.candidate_id", "=", candidateId)
    .executeTakeFirst();
  return row?.id ?? null;
}

export type DecisionValues = {
  candidate_id: string;
  outcome: "hire" | "no-hire" | "more-interviews";
  level: string | null;
  rationale: string;
  reason: string | null;
  recorded_by: string;
  votes: DecisionVote[];
  missing_scorecards: MissingScorecard[];
  early_reason: string | null;
};

export async function insertDecision(db: Conn, values: DecisionValues): Promise<string> {
  const row = await db
    .insertInto("decisions")
    .values({
      ...values,
      votes: JSON.stringify(values.votes),
      missing_scorecards: JSON.stringify(values.missing_scorecards),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

// Serialises decisions on one candidate: the second of two simultaneous writers waits here and
// then sees the first one's decision as the latest.
export async function lockCandidateForDecision(db: Transaction<DB>, candidateId: string): Promise<boolean> {
  const row = await db
    .selectFrom("candidates")
    .select("id")
    .where("id", "=", candidateId)
    .forUpdate()
    .executeTakeFirst();
  return row !== undefined;
}
