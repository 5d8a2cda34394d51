import type { ExpressionBuilder } from "kysely";
import type { Conn, DB } from "../schema";

// A seat counts only while its holder has the committee role: a row left behind by a role
// change (or written around the app) never grants access.
function holdsCommitteeRole(eb: ExpressionBuilder<DB, "committee_members">) {
  return eb.exists(
    eb
      .selectFrom("user_roles")
      .select("user_roles.user_id")
      .whereRef("user_roles.user_id", "=", "committee_members.user_id")
      .where("user_roles.role", "=", "committee"),
  );
}

// The one rule for who outside recruiting sees a candidate: a seat on its committee.
export function sitsOnCommittee(eb: ExpressionBuilder<DB, "candidates">, userId: string) {
  return eb.exists(
    eb
      .selectFrom("committee_members")
      .select("committee_members.user_id")
      .whereRef("committee_members.candidate_id", "=", "candidates.id")
      .where("committee_members.user_id", "=", userId)
      .where(holdsCommitteeRole),
  );
}

export async function isOnCommittee(db: Conn, candidateId: string, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom("committee_members")
    .select("user_id")
    .where("candidate_id", "=", candidateId)
    .where("user_id", "=", userId)
    .where(holdsCommitteeRole)
    .executeTakeFirst();
  return row !== undefined;
}

// Every seat a user holds, ended at once (the committee role was taken away); the candidates' ids.
export async function endCommitteeSeats(db: Conn, userId: string): Promise<string[]> {
  const rows = await db
    .deleteFrom("committee_members")
    .where("user_id", "=", userId)
    .returning("candidate_id")
    .execute();
  return rows.map((r) => r.candidate_id);
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
