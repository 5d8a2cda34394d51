import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import {
  findCandidate,
  findCandidateByEmail,
  insertCandidate,
  listCandidates,
  updateCandidate,
  type CandidateValues,
} from "~db/queries/candidates";
import { findPosition, listPositions } from "~db/queries/positions";
import type { CandidateListQuery } from "./candidate-list.schema";
import { hasRole, type SessionUser } from "~/auth/guard.server";
import { DomainError } from "~/errors.server";
import type { FieldErrors } from "~/ui/form.server";
import type { CandidateData } from "./candidate.schema";
import { emptyToNull } from "~/ui/form-fields";
import { isUniqueViolation, once, submissionKey } from "~/startup/once.server";

export async function candidatesFor(user: SessionUser, filter?: CandidateListQuery, now = new Date()) {
  return listCandidates(getDb(), { id: user.id, seesAll: hasRole(user, "recruiter", "admin") }, now, filter);
}

// The list page: the candidates matching the URL's filters, and the positions to filter by.
export async function candidateListPage(user: SessionUser, filter: CandidateListQuery) {
  const [candidates, positions] = await Promise.all([candidatesFor(user, filter), listPositions(getDb())]);
  return { candidates, positions: positions.map((p) => ({ id: p.id, title: p.title })) };
}
export type CandidateRow = Awaited<ReturnType<typeof candidatesFor>>[number];

export type Duplicate = { id: string; name: string };
export type CandidateOutcome = { ok: true; id: string } | { ok: false; errors: FieldErrors; duplicate?: Duplicate };

export function candidateValues(data: CandidateData): CandidateValues {
  return {
    position_id: data.positionId,
    name: data.name,
    email: data.email.toLowerCase(),
    level_applied: emptyToNull(data.levelApplied),
    source: emptyToNull(data.source),
    cv_url: emptyToNull(data.cvUrl),
  };
}

function pick({ position_id, name, email, level_applied, source, cv_url }: CandidateValues): CandidateValues {
  return { position_id, name, email, level_applied, source, cv_url };
}

const duplicateError = (duplicate: Duplicate): CandidateOutcome => ({
  ok: false,
  errors: { email: `${duplicate.name} already applied for this position with this email` },
  duplicate,
});

async function positionProblem(positionId: string): Promise<CandidateOutcome | null> {
  const position = await findPosition(getDb(), positionId);
  if (!position) return { ok: false, errors: { positionId: "Choose one of the positions listed" } };
  if (position.status === "closed")
    return { ok: false, errors: { positionId: `${position.title} is closed to new candidates` } };
  return null;
}

export async function createCandidate(
  actor: SessionUser,
  data: CandidateData & { idempotencyKey: string },
): Promise<CandidateOutcome> {
  const problem = await positionProblem(data.positionId);
  if (problem) return problem;
  const values = candidateValues(data);
  try {
    return await getDb()
      .transaction()
      .execute(async (tx) => {
        const result = await once(tx, submissionKey(actor.id, data), async () => {
          const existing = await findCandidateByEmail(tx, values.position_id, values.email);
          if (existing) throw duplicateError(existing);
          return insertCandidate(tx, values);
        });
        if (result.created) {
          await appendAudit(tx, {
            actorId: actor.id,
            action: "candidate.create",
            subjectType: "candidate",
            subjectId: result.id,
            details: { before: null, after: values },
          });
        }
        return { ok: true as const, id: result.id };
      });
  } catch (error) {
    if (isUniqueViolation(error))
      return duplicateError((await findCandidateByEmail(getDb(), values.position_id, values.email))!);
    if ((error as CandidateOutcome).ok === false) return error as CandidateOutcome;
    throw error;
  }
}

export async function editCandidate(actor: SessionUser, id: string, data: CandidateData): Promise<CandidateOutcome> {
  const current = await findCandidate(getDb(), id);
  if (!current) throw new DomainError("not-found", "No such candidate.");
  if (current.position_id !== data.positionId) {
    const problem = await positionProblem(data.positionId);
    if (problem) return problem;
  }
  const values = candidateValues(data);
  const existing = await findCandidateByEmail(getDb(), values.position_id, values.email, id);
  if (existing) return duplicateError(existing);
  try {
    await getDb()
      .transaction()
      .execute(async (tx) => {
        await updateCandidate(tx, id, values);
        await appendAudit(tx, {
          actorId: actor.id,
          action: "candidate.update",
          subjectType: "candidate",
          subjectId: id,
          details: { before: pick(current), after: values },
        });
      });
  } catch (error) {
    if (isUniqueViolation(error))
      return duplicateError((await findCandidateByEmail(getDb(), values.position_id, values.email, id))!);
    throw error;
  }
  return { ok: true, id };
}

export async function setArchived(actor: SessionUser, id: string, archived: boolean, now = new Date()): Promise<void> {
  await getDb()
    .transaction()
    .execute(async (tx) => {
      const current = await findCandidate(tx, id);
      if (!current) throw new DomainError("not-found", "No such candidate.");
      if (Boolean(current.archived_at) === archived) return;
      const archivedAt = archived ? now : null;
      await updateCandidate(tx, id, { archived_at: archivedAt });
      await appendAudit(tx, {
        actorId: actor.id,
        action: archived ? "candidate.archive" : "candidate.restore",
        subjectType: "candidate",
        subjectId: id,
        details: { before: { archived_at: current.archived_at }, after: { archived_at: archivedAt } },
      });
    });
}
