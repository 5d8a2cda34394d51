import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { listVisibleVotes, listVoters, upsertVote } from "~db/queries/debrief";
import type { Conn } from "~db/schema";
import type { SessionUser } from "~/auth/guard.server";
import type { VoteInput } from "./decision.schema";
import { type Debrief } from "./packet";

// The route has checked the user sits on the candidate's committee (requirePacketSeat).
export async function castVote(user: SessionUser, candidateId: string, input: VoteInput): Promise<void> {
  await getDb()
    .transaction()
    .execute(async (tx) => {
      await upsertVote(tx, {
        candidate_id: candidateId,
        user_id: user.id,
        outcome: input.outcome,
        reason: input.reason,
      });
      await appendAudit(tx, {
        actorId: user.id,
        action: "debrief.vote",
        subjectType: "candidate",
        subjectId: candidateId,
        details: { outcome: input.outcome },
      });
    });
}

// viewerId null: everything, for the decision record and the command line.
export async function loadDebrief(db: Conn, candidateId: string, viewerId: string | null): Promise<Debrief> {
  const [voters, votes] = await Promise.all([listVoters(db, candidateId), listVisibleVotes(db, candidateId, viewerId)]);
  const sealed = voters.some((v) => !v.voted);
  return {
    voters: voters.map((v) => ({ id: v.id, name: v.name, voted: Boolean(v.voted) })),
    votes: votes.map((v) => ({ name: v.name, outcome: v.outcome, reason: v.reason })),
    sealed: viewerId !== null && sealed,
  };
}
