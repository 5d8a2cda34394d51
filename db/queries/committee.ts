import type { ExpressionBuilder, Kysely, Transaction } from "kysely";
import type { DB } from "../schema";

type Conn = Kysely<DB> | Transaction<DB>;

// The one rule for who outside recruiting sees a candidate: a seat on its committee.
export function sitsOnCommittee(eb: ExpressionBuilder<DB, "candidates">, userId: string) {
  return eb.exists(
    eb
      .selectFrom("committee_members")
      .select("committee_members.user_id")
      .whereRef("committee_members.candidate_id", "=", "candidates.id")
      .where("committee_members.user_id", "=", userId),
  );
}

export async function listCommittee(db: Conn, candidateId: string) {
  return db
    .selectFrom("committee_members")
    .innerJoin("users", "users.id", "committee_members.user_id")
    .select(["users.id", "users.name", "users.email", "users.active"])
    .where("committee_members.candidate_id", "=", candidateId)
    .orderBy("users.name")
    .execute();
}

export async function replaceCommittee(db: Conn, candidateId: string, userIds: string[]): Promise<void> {
  await db.deleteFrom("committee_members").where("candidate_id", "=", candidateId).execute();
  if (userIds.length) {
    await db
      .insertInto("committee_members")
      .values(userIds.map((user_id) => ({ candidate_id: candidateId, user_id })))
      .execute();
  }
}
