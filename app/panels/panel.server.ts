import type { Transaction } from "kysely";
import { getDb } from "~db/index.server";
import type { Conn, DB } from "~db/schema";
import { appendAudit } from "~db/queries/audit";
import { interviewChanged, interviewReassigned } from "~/notifications/events.server";
import { findCandidate } from "~db/queries/candidates";
import {
  findInterview,
  insertInterview,
  listInterviewsForCandidate,
  updateInterview,
  type InterviewValues,
} from "~db/queries/interviews";
import { findPerson } from "~db/queries/people";
import type { SessionUser } from "~db/queries/users";
import { DomainError } from "~/errors.server";
import { currentKit } from "~/scorecards/kits.server";
import type { FieldErrors } from "~/ui/form-result";
import { instantOf, type InterviewAction, type InterviewData } from "./interview.schema";
import type { PanelLoopData } from "./panel-loop.schema";
import { earlierSubmission, once, submissionKey } from "~/startup/once.server";

// The refusal of a form whose fields each say what is wrong.
function refuseFields(errors: FieldErrors): void {
  if (Object.keys(errors).length === 0) return;
  throw new DomainError("invalid", Object.values(errors)[0], { fields: errors });
}

async function openCandidate(db: Conn, candidateId: string) {
  const candidate = await findCandidate(db, candidateId);
  if (!candidate) throw new DomainError("not-found", "No such candidate.");
  if (candidate.archived_at)
    throw new DomainError("conflict", `${candidate.name} is archived: restore them before changing the loop.`);
  return candidate;
}

async function interviewerProblem(db: Conn, interviewerId: string): Promise<string | null> {
  const person = await findPerson(db, interviewerId);
  if (!person) return "Choose one of the interviewers listed";
  if (!person.active) return `${person.name} is deactivated and cannot interview`;
  if (!person.roles.includes("interviewer")) return `${person.name} does not have the interviewer role`;
  return null;
}

// Focus questions come from the position's kit, and each belongs to one interviewer only, so
// two people never ask the candidate the same thing.
async function focusProblem(
  db: Conn,
  candidateId: string,
  kitId: string,
  questionIds: string[],
  exceptInterviewId?: string,
): Promise<string | null> {
  const { kit } = await currentKit(db, kitId);
  const unknown = questionIds.filter((id) => !kit.questions.some((q) => q.id === id));
  if (unknown.length) return `Not in the kit "${kit.title}": ${unknown.join(", ")}`;
  const taken = (await listInterviewsForCandidate(db, candidateId)).filter(
    (i) => !i.cancelled_at && i.id !== exceptInterviewId,
  );
  for (const interview of taken) {
    const overlap = questionIds.filter((id) => (interview.focus_questions as string[]).includes(id));
    const prompts = overlap.map((id) => kit.questions.find((q) => q.id === id)!.prompt);
    if (overlap.length) return `${interview.interviewer_name} already owns: ${prompts.join(" / ")}`;
  }
  return null;
}

async function check(
  db: Conn,
  candidateId: string,
  kitId: string,
  data: InterviewData,
  exceptInterviewId?: string,
): Promise<FieldErrors> {
  const errors: FieldErrors = {};
  const interviewer = await interviewerProblem(db, data.interviewerId);
  if (interviewer) errors.interviewerId = interviewer;
  const focus = await focusProblem(db, candidateId, kitId, data.focusQuestions, exceptInterviewId);
  if (focus) errors.focusQuestions = focus;
  return errors;
}

function values(data: InterviewData): Omit<InterviewValues, "candidate_id" | "kit_id"> {
  return {
    interviewer_id: data.interviewerId,
    scheduled_at: instantOf(data.date, data.time, data.timeZone),
    time_zone: data.timeZone,
    duration_minutes: data.durationMinutes,
    stage: data.stage,
    focus_competencies: data.focusCompetencies,
    focus_questions: data.focusQuestions,
  };
}

export async function scheduleInterview(
  actor: SessionUser,
  candidateId: string,
  data: InterviewData & { idempotencyKey: string },
): Promise<string> {
  const db = getDb();
  const key = submissionKey(actor.id, data);
  const earlier = await earlierSubmission(db, key);
  if (earlier) return earlier;
  const candidate = await openCandidate(db, candidateId);
  refuseFields(await check(db, candidateId, candidate.kit_id, data));
  const row = { ...values(data), candidate_id: candidateId, kit_id: candidate.kit_id };
  const result = await db.transaction().execute((tx) => once(tx, key, () => recordInterview(tx, actor, row)));
  if (result.created) await interviewChanged(db, result.id, "scheduled");
  return result.id;
}

async function recordInterview(tx: Transaction<DB>, actor: SessionUser, row: InterviewValues): Promise<string> {
  const id = await insertInterview(tx, row);
  await appendAudit(tx, {
    actorId: actor.id,
    action: "interview.schedule",
    subjectType: "interview",
    subjectId: id,
    details: { before: null, after: row },
  });
  return id;
}

// The interview page's one action: change the interview, or cancel it.
export async function changeInterview(
  actor: SessionUser,
  candidateId: string,
  interviewId: string,
  action: InterviewAction,
): Promise<void> {
  if (action.intent === "cancel") return cancelInterview(actor, candidateId, interviewId, action.reason);
  return reviseInterview(actor, candidateId, interviewId, action);
}

// Reschedule, reassign or change the focus: one form, audited with the fields that changed.
async function reviseInterview(
  actor: SessionUser,
  candidateId: string,
  interviewId: string,
  data: InterviewData,
): Promise<void> {
  const db = getDb();
  const candidate = await openCandidate(db, candidateId);
  const current = await findInterview(db, candidateId, interviewId);
  if (!current) throw new DomainError("not-found", "No such interview.");
  if (current.cancelled_at)
    throw new DomainError("conflict", "This interview is cancelled; schedule a new one instead.");
  const errors = await check(db, candidateId, candidate.kit_id, data, interviewId);
  if (current.interviewer_id !== data.interviewerId && current.scorecard_status) {
    errors.interviewerId =
      "The interviewer has already started a scorecard: cancel this interview and schedule a new one instead";
  }
  refuseFields(errors);
  const after = values(data);
  const before = Object.fromEntries(Object.keys(after).map((key) => [key, current[key as keyof typeof after]]));
  const changed = Object.keys(after).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key as keyof typeof after]),
  );
  if (changed.length === 0) return;
  await db.transaction().execute(async (tx) => {
    await updateInterview(tx, interviewId, after);
    await appendAudit(tx, {
      actorId: actor.id,
      action: changed.includes("interviewer_id")
        ? "interview.reassign"
        : changed.includes("scheduled_at")
          ? "interview.reschedule"
          : "interview.update",
      subjectType: "interview",
      subjectId: interviewId,
      details: {
        before: Object.fromEntries(changed.map((key) => [key, before[key]])),
        after: Object.fromEntries(changed.map((key) => [key, after[key as keyof typeof after]])),
      },
    });
  });
  if (changed.includes("interviewer_id")) {
    await interviewReassigned(db, interviewId, current.interviewer_id);
  } else if (changed.includes("scheduled_at") || changed.includes("duration_minutes")) {
    await interviewChanged(db, interviewId, "moved");
  }
}

// A cancelled interview is kept (with its reason) but never counts as overdue or in a packet.
async function cancelInterview(
  actor: SessionUser,
  candidateId: string,
  interviewId: string,
  reason: string,
  now = new Date(),
): Promise<void> {
  const db = getDb();
  const cancelled = await db.transaction().execute(async (tx) => {
    const current = await findInterview(tx, candidateId, interviewId);
    if (!current) throw new DomainError("not-found", "No such interview.");
    if (current.cancelled_at) return false;
    await updateInterview(tx, interviewId, { cancelled_at: now, cancel_reason: reason });
    await appendAudit(tx, {
      actorId: actor.id,
      action: "interview.cancel",
      subjectType: "interview",
      subjectId: interviewId,
      details: { before: { cancelled_at: null }, after: { cancelled_at: now.toISOString(), cancel_reason: reason } },
    });
    return true;
  });
  if (cancelled) await interviewChanged(db, interviewId, "cancelled");
}

// Competencies the position must cover that no live interview has as its focus.
export function uncovered(
  required: string[],
  interviews: { cancelled_at: Date | null; focus_competencies: unknown }[],
): string[] {
  const covered = new Set(interviews.filter((i) => !i.cancelled_at).flatMap((i) => i.focus_competencies as string[]));
  return required.filter((id) => !covered.has(id));
}

// The panel builder: the whole loop checked row by row as single interviews are, then created
// in one transaction, so a refused row leaves no half-scheduled loop behind.
export async function schedulePanel(actor: SessionUser, candidateId: string, loop: PanelLoopData): Promise<void> {
  const db = getDb();
  const key = submissionKey(actor.id, loop);
  if (await earlierSubmission(db, key)) return;
  const candidate = await openCandidate(db, candidateId);
  const interviews = loop.rows.map((row) => ({
    ...row,
    timeZone: loop.timeZone,
    stage: loop.stage,
    confirmPast: loop.confirmPast,
  }));
  const errors: FieldErrors = {};
  for (const [i, data] of interviews.entries()) {
    for (const [field, message] of Object.entries(await check(db, candidateId, candidate.kit_id, data)))
      errors[`rows.${i}.${field}`] = message;
  }
  refuseFields(errors);
  const scheduled: string[] = [];
  await db.transaction().execute(async (tx) =>
    once(tx, key, async () => {
      for (const data of interviews)
        scheduled.push(
          await recordInterview(tx, actor, { ...values(data), candidate_id: candidateId, kit_id: candidate.kit_id }),
        );
      return candidateId;
    }),
  );
  for (const id of scheduled) await interviewChanged(db, id, "scheduled");
}
