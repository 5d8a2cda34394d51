import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { decisionRecorded } from "~/notifications/events.server";
import { insertDecision, latestDecisionId, lockCandidateForDecision } from "~db/queries/decisions";
import type { SessionUser } from "~/auth/guard.server";
import { DomainError } from "~/errors.server";
import type { FieldErrors } from "~/ui/form.server";
import type { DecisionInput } from "./decision.schema";

export type DecisionOutcome = { ok: true; decisionId: string } | { ok: false; status: 409; errors: FieldErrors };

// Records the committee's decision, or a revision of it. Nothing is overwritten: every
// decision is its own row, and the newest one stands. The caller checks the user may decide.
export async function recordDecision(user: SessionUser, candidateId: string, input: DecisionInput): Promise<DecisionOutcome> {
  const db = getDb();
  const outcome = await db
    .transaction()
    .execute(async (tx) => {
      if (!(await lockCandidateForDecision(tx, candidateId))) throw new DomainError("not-found", "No such candidate.");
      const latest = await latestDecisionId(tx, candidateId);
      if ((latest ?? "") !== input.basedOn) {
        return {
          ok: false as const,
          status: 409 as const,
          errors: { form: "Someone else recorded a decision since you opened this packet. Reload to read it before deciding." },
        };
      }
      const revising = latest !== null;
      const decisionId = await insertDecision(tx, {
        candidate_id: candidateId,
        outcome: input.outcome,
        level: input.level || null,
        rationale: input.rationale,
        reason: revising ? input.reason : null,
        recorded_by: user.id,
      });
      await appendAudit(tx, {
        actorId: user.id,
        action: revising ? "decision.revise" : "decision.record",
        subjectType: "candidate",
        subjectId: candidateId,
        details: { decisionId, outcome: input.outcome, level: input.level || null, ...(revising ? { reason: input.reason, replaces: latest } : {}) },
      });
      return { ok: true as const, decisionId, revised: revising };
    });
  if (!outcome.ok) return outcome;
  await decisionRecorded(db, { candidateId, decisionId: outcome.decisionId, outcome: input.outcome, level: input.level || null, revised: outcome.revised });
  return { ok: true, decisionId: outcome.decisionId };
}
