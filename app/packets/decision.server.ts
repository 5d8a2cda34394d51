import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { decisionRecorded } from "~/notifications/events.server";
import { insertDecision, latestDecisionId, lockCandidateForDecision } from "~db/queries/decisions";
import { listVisibleVotes } from "~db/queries/debrief";
import { listPacketInterviews } from "~db/queries/packets";
import { STATUS_LABELS } from "./packet";
import { STAGE_LABELS } from "~/vocabulary/stages";
import type { SessionUser } from "~/auth/guard.server";
import { DomainError } from "~/errors.server";
import type { DecisionInput } from "./decision.schema";

// Records the committee's decision, or a revision of it. Nothing is overwritten: every
// decision is its own row, and the newest one stands. The route has checked the user may decide
// (requirePacketSeat).
export async function recordDecision(
  user: SessionUser,
  candidateId: string,
  input: DecisionInput,
): Promise<{ decisionId: string }> {
  const db = getDb();
  const { decisionId, revised } = await db.transaction().execute(async (tx) => {
    if (!(await lockCandidateForDecision(tx, candidateId))) throw new DomainError("not-found", "No such candidate.");
    const latest = await latestDecisionId(tx, candidateId);
    if ((latest ?? "") !== input.basedOn) {
      throw new DomainError(
        "conflict",
        "Someone else recorded a decision since you opened this packet. Reload to read it before deciding.",
      );
    }
    // Deciding before every scorecard is in is allowed, but never without saying why.
    const missing = (await listPacketInterviews(tx, candidateId, null))
      .filter((i) => i.scorecard_status !== "submitted")
      .map((i) => ({
        interviewer: i.interviewer_name,
        stage: STAGE_LABELS[i.stage],
        status: STATUS_LABELS[i.scorecard_status ?? "not-started"],
      }));
    if (missing.length > 0 && input.earlyReason === "") {
      const scorecards = `${missing.length} scorecard${missing.length === 1 ? "" : "s"}`;
      const message = `Say why the committee decides with ${scorecards} missing`;
      throw new DomainError("invalid", message, { fields: { earlyReason: message } });
    }
    const votes = (await listVisibleVotes(tx, candidateId, null)).map((v) => ({
      name: v.name,
      outcome: v.outcome,
      reason: v.reason,
      votedAt: v.voted_at.toISOString(),
    }));
    const revising = latest !== null;
    const decisionId = await insertDecision(tx, {
      candidate_id: candidateId,
      outcome: input.outcome,
      level: input.level || null,
      rationale: input.rationale,
      reason: revising ? input.reason : null,
      recorded_by: user.id,
      votes,
      missing_scorecards: missing,
      early_reason: missing.length > 0 ? input.earlyReason : null,
    });
    await appendAudit(tx, {
      actorId: user.id,
      action: revising ? "decision.revise" : "decision.record",
      subjectType: "candidate",
      subjectId: candidateId,
      details: {
        decisionId,
        outcome: input.outcome,
        level: input.level || null,
        ...(missing.length > 0 ? { missingScorecards: missing.length, earlyReason: input.earlyReason } : {}),
        ...(revising ? { reason: input.reason, replaces: latest } : {}),
      },
    });
    return { decisionId, revised: revising };
  });
  await decisionRecorded(db, { candidateId, decisionId, outcome: input.outcome, level: input.level || null, revised });
  return { decisionId };
}
