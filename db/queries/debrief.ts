import type { Conn } from "../schema";

// The committee of a candidate, each with whether they have voted yet (names only, no votes).
export async function listVoters(db: Conn, candidateId: string) {
  return db
    .selectFrom("committee_members")
    .innerJoin("users", "users.id", "committee_members.user_id")
    .leftJoin("debrief_votes", (join) =>
      join
        .onRef("debrief_votes.candidate_id", "=", "committee_members.candidate_id")
        .onRef("debrief_votes.user_id", "=", "committee_members.user_id"),
    )
    .select((eb) => ["users.id", "users.name", eb("debrief_votes.user_id", "is not", null).as("voted")])
    .where("committee_members.candidate_id", "=", candidateId)
    .orderBy("users.name")
    .execute();
}

// Votes stay sealed until every committee member has voted: before that a viewer sees only
// their own. viewerId null: unscoped (a decision record, the command line).
export async function listVisibleVotes(db: Conn, candidateId: string, viewerId: string | null) {
  return db
    .selectFrom("debrief_votes")
    .innerJoin("users", "users.id", "debrief_votes.user_id")
    .select([
      "users.id as user_id",
      "users.name",
      "debrief_votes.outcome",
      "debrief_votes.reason",
      "debrief_votes.voted_at",
    ])
    .where("debrief_votes.candidate_id", "=", candidateId)
    .$if(viewerId !== null, (qb) =>
      qb.where((eb) =>
        eb.or([
          eb("debrief_votes.user_id", "=", viewerId!),
          eb.not(
            eb.exists(
              eb
                .selectFrom("committee_members as m")
                .select("m.user_id")
                .where("m.candidate_id", "=", candidateId)
                .where((inner) =>
                  inner.not(
                    inner.exists(
                      inner
                        .selectFrom("debrief_votes as v")
                        .select("v.user_id")
                        .whereRef("v.user_id", "=", "m.user_id")
                        .where("v.candidate_id", "=", candidateId),
                    ),
                  ),
                ),
            ),
          ),
        ]),
      ),
    )
    .orderBy("users.name")
    .execute();
}

export type VoteValues = {
  candidate_id: string;
  user_id: string;
  outcome: "hire" | "no-hire" | "more-interviews";
  reason: string;
};

// A member may change their vote until the decision; the newest one counts.
export async function upsertVote(db: Conn, values: VoteValues): Promise<void> {
  await db
    .insertInto("debrief_votes")
    .values(values)
    .onConflict((oc) =>
      oc
        .columns(["candidate_id", "user_id"])
        .doUpdateSet({ outcome: values.outcome, reason: values.reason, voted_at: new Date() }),
    )
    .execute();
}
