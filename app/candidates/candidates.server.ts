import { getDb } from "~db/index.server";
import type { Conn } from "~db/schema";
import { appendAudit } from "~db/queries/audit";
import {
  findCandidate,
  findCandidateByEmail,
  insertCandidate,
  listArchivedCandidates,
  listCandidates,
  updateCandidate,
  type CandidateValues,
  type Viewer,
} from "~db/queries/candidates";
import { findPosition, listOpenPositions, listPositions } from "~db/queries/positions";
import type { CandidateListQuery } from "./candidate-list.schema";
import { hasRole, type SessionUser } from "~/auth/guard.server";
import { DomainError } from "~/errors.server";
import type { CandidateAction, CandidateData } from "./candidate.schema";
import { emptyToNull } from "~/ui/form-fields";
import { isUniqueViolation, once, submissionKey } from "~/startup/once.server";
import { levelOutsideRange } from "~/positions/levels";

export const viewerOf = (user: SessionUser): Viewer => ({ id: user.id, seesAll: hasRole(user, "recruiter", "admin") });

export async function candidatesFor(user: SessionUser, filter?: CandidateListQuery, now = new Date()) {
  return listCandidates(getDb(), viewerOf(user), now, filter);
}
export type CandidateRow = Awaited<ReturnType<typeof candidatesFor>>[number];

// The list page: the candidates matching the URL's filters, the positions to filter by, and (for
// those who manage candidates) the archived ones.
export async function candidateListPage(user: SessionUser, filter: CandidateListQuery) {
  const db = getDb();
  const manages = hasRole(user, "recruiter", "admin");
  const [candidates, positions, archived] = await Promise.all([
    candidatesFor(user, filter),
    listPositions(db),
    manages ? listArchivedCandidates(db) : Promise.resolve([]),
  ]);
  return { candidates, positions: positions.map((p) => ({ id: p.id, title: p.title })), archived, manages };
}

// What the new-candidate and import forms offer: the open positions.
export async function openPositions() {
  return listOpenPositions(getDb());
}

// The edit form: the candidate, and the positions they can move to. Their own position stays
// listed even once it is closed.
export async function candidateForEdit(id: string) {
  const db = getDb();
  const [candidate, open] = await Promise.all([findCandidate(db, id), listOpenPositions(db)]);
  if (!candidate) throw new DomainError("not-found", "No such candidate.");
  const positions = open.some((p) => p.id === candidate.position_id)
    ? open
    : [{ id: candidate.position_id, title: `${candidate.position_title} (closed)`, team: "" }, ...open];
  return { candidate, positions };
}

export type Duplicate = { id: string; name: string };

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

// The same person may apply to two positions, but only once to each; the reply links to the
// earlier application.
const duplicateError = (duplicate: Duplicate) =>
  new DomainError("invalid", "This email already applied for this position", {
    fields: { email: `${duplicate.name} already applied for this position with this email` },
    duplicate,
  });

async function refuseDuplicate(db: Conn, values: CandidateValues, exceptId?: string): Promise<void> {
  const existing = await findCandidateByEmail(db, values.position_id, values.email, exceptId);
  if (existing) throw duplicateError(existing);
}

// A new candidate goes to an open position, at a level within its range.
async function checkPosition(db: Conn, data: CandidateData, positionChanged: boolean): Promise<void> {
  const position = await findPosition(db, data.positionId);
  if (!position) throw refusal("positionId", "Choose one of the positions listed");
  if (positionChanged && position.status === "closed")
    throw refusal("positionId", `${position.title} is closed to new candidates`);
  const outside = levelOutsideRange(data.levelApplied, position);
  if (outside) throw refusal("levelApplied", outside);
}

const refusal = (field: string, message: string) =>
  new DomainError("invalid", message, { fields: { [field]: message } });

export async function createCandidate(
  actor: SessionUser,
  data: CandidateData & { idempotencyKey: string },
): Promise<string> {
  const db = getDb();
  await checkPosition(db, data, true);
  const values = candidateValues(data);
  try {
    return await db.transaction().execute(async (tx) => {
      const result = await once(tx, submissionKey(actor.id, data), async () => {
        await refuseDuplicate(tx, values);
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
      return result.id;
    });
  } catch (error) {
    // Someone added the same email between the check and the commit.
    if (isUniqueViolation(error)) await refuseDuplicate(db, values);
    throw error;
  }
}

// The edit page's one action: save the details, or archive or restore the candidate.
export async function changeCandidate(actor: SessionUser, id: string, action: CandidateAction): Promise<void> {
  if (action.intent === "save") return editCandidate(actor, id, action);
  return setArchived(actor, id, action.intent === "archive");
}

async function editCandidate(actor: SessionUser, id: string, data: CandidateData): Promise<void> {
  const db = getDb();
  const current = await findCandidate(db, id);
  if (!current) throw new DomainError("not-found", "No such candidate.");
  await checkPosition(db, data, current.position_id !== data.positionId);
  const values = candidateValues(data);
  await refuseDuplicate(db, values, id);
  try {
    await db.transaction().execute(async (tx) => {
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
    if (isUniqueViolation(error)) await refuseDuplicate(db, values, id);
    throw error;
  }
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
