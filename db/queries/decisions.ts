import type { Transaction } from "kysely";
import type { Conn, DB, DecisionVote, MissingScorecard } from "../schema";

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
    .selectFrom("decisions")
    .select("id")
    .where("candidate_id", "=", candidateId)
    .orderBy("recorded_at", "desc")
    .orderBy("id", "desc")
    .limit(1)
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
