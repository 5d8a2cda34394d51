import slugify from "@sindresorhus/slugify";
import { getDb } from "~db/index.server";
import type { Conn } from "~db/schema";
import { appendAudit } from "~db/queries/audit";
import { scorecardSubmitted } from "~/notifications/events.server";
import {
  findInterviewForInterviewer,
  findScorecardByInterview,
  insertFirstDraft,
  insertRevision,
  listRevisions,
  listSubmittedForCandidate,
  saveDraftIfCurrent,
  updateIfVersion,
} from "~db/queries/scorecards";
import { DomainError } from "~/errors.server";
import { formatDateTime, formatAge } from "~/ui/format";
import { currentKit, kitAtVersion } from "./kits.server";
import { getTemplates } from "./templates.server";
import { emptyScorecard, scorecardContentSchema, type ScorecardContent } from "./scorecard.schema";
import type { ScorecardAction } from "./scorecard-action.schema";
import type { KitQuestion } from "./templates.schema";
import { scorecardToMarkdown } from "./markdown";
import { feedbackDeadline, feedbackStatus } from "./feedback-status";
import { stageLabel } from "~/vocabulary/stages";

type Author = { id: string };

async function ownInterview(db: Conn, user: Author, interviewId: string) {
  const interview = await findInterviewForInterviewer(db, interviewId, user.id);
  if (!interview) throw new DomainError("not-found", "No such interview among yours.");
  return interview;
}

// The guard other capabilities (assistant, reminders) start from.
export async function requireOwnInterview(user: Author, interviewId: string) {
  return ownInterview(getDb(), user, interviewId);
}

const parseContent = (raw: unknown): ScorecardContent => scorecardContentSchema.parse(raw);

function startingAnswers(questions: KitQuestion[], focus: string[]) {
  const chosen = focus.length ? questions.filter((q) => focus.includes(q.id)) : questions.slice(0, 2);
  return chosen.map((q) => ({ questionId: q.id, question: q.prompt, answer: "", notes: "" }));
}

export async function openScorecard(user: Author, interviewId: string) {
  const db = getDb();
  const interview = await ownInterview(db, user, interviewId);
  const scorecard = await findScorecardByInterview(db, interviewId);
  const { kit, version } = scorecard?.kit_version
    ? await kitAtVersion(db, scorecard.kit_id ?? interview.kit_id, scorecard.kit_version)
    : await currentKit(db, interview.kit_id);
  const content = scorecard
    ? parseContent(scorecard.content)
    : emptyScorecard(startingAnswers(kit.questions, interview.focus_questions));
  const submitted = scorecard?.status === "submitted";
  // Independence: other interviewers' feedback stays hidden until this one is submitted.
  const others = submitted ? await listSubmittedForCandidate(db, interview.candidate_id, interviewId, user.id) : [];
  const revisions = scorecard && submitted ? await listRevisions(db, scorecard.id) : [];
  const templates = getTemplates();
  const now = new Date();
  const timing = { scheduledAt: interview.scheduled_at, durationMinutes: interview.duration_minutes };
  const status = feedbackStatus(
    { ...timing, cancelledAt: interview.cancelled_at, scorecardStatus: scorecard?.status ?? null },
    now,
  );
  return {
    interview,
    // Worded here, once, so the server's and the browser's render agree.
    overdueBy: status === "overdue" ? formatAge(feedbackDeadline(timing).toISOString(), now) : null,
    rubric: templates.rubric,
    redFlagTitles: redFlagTitles(),
    kit: { ...kit, version },
    scorecard: {
      status: scorecard?.status ?? ("not-started" as const),
      version: scorecard?.version ?? 0,
      revision: scorecard?.revision ?? 0,
      savedAt: scorecard?.updated_at ?? null,
      submittedAt: scorecard?.submitted_at ?? null,
      content,
    },
    revisions: revisions.map((r) => ({ ...r, content: parseContent(r.content) })),
    others: others.map((o) => ({ ...o, content: parseContent(o.content) })),
  };
}

function conflict(message: string, current: { version: number; content: unknown; status: string }): never {
  throw new DomainError("conflict", message, {
    current: { version: current.version, status: current.status, content: parseContent(current.content) },
  });
}

export type SaveResult = { version: number; savedAt: Date; status: "draft" | "submitted"; revision: number };

// One entry point for the page's three writes; each checks the version it was based on.
export async function writeScorecard(user: Author, interviewId: string, action: ScorecardAction): Promise<SaveResult> {
  const db = getDb();
  if (action.intent === "save" && action.baseVersion > 0)
    return autosave(db, user, interviewId, action.baseVersion, JSON.stringify(action.content));
  const interview = await ownInterview(db, user, interviewId);
  // Feedback on an interview that has not happened yet would only unlock the others' feedback.
  if (action.intent === "submit" && interview.scheduled_at.getTime() > Date.now()) {
    const starts = formatDateTime(interview.scheduled_at.toISOString(), interview.time_zone);
    throw new DomainError(
      "conflict",
      `This interview starts ${starts}: submit your scorecard after it has taken place. Your draft is kept.`,
    );
  }
  const content = JSON.stringify(action.content);
  // Resolved before the transaction: on PGlite a query outside it would wait for it forever.
  const { version: kitVersion } = await currentKit(db, interview.kit_id);
  let scorecardId = "";
  const result = await db.transaction().execute(async (tx): Promise<SaveResult> => {
    let existing = await findScorecardByInterview(tx, interviewId);
    if (!existing) {
      if (action.baseVersion !== 0)
        throw new DomainError("conflict", "This scorecard no longer exists in the state you loaded.");
      const inserted = await insertFirstDraft(tx, {
        interviewId,
        authorId: user.id,
        content,
        kitId: interview.kit_id,
        kitVersion,
      });
      if (!inserted)
        conflict("Another tab saved this scorecard first.", (await findScorecardByInterview(tx, interviewId))!);
      if (action.intent === "save")
        return { version: inserted.version, savedAt: inserted.updated_at, status: "draft", revision: 0 };
      existing = (await findScorecardByInterview(tx, interviewId))!;
      action = { ...action, baseVersion: existing.version };
    }
    if (existing.version !== action.baseVersion) {
      conflict("This scorecard was changed in another tab or window since you loaded it.", existing);
    }
    if (action.intent === "amend" ? existing.status !== "submitted" : existing.status === "submitted") {
      throw new DomainError(
        "conflict",
        action.intent === "amend"
          ? "Only a submitted scorecard can be amended."
          : "This scorecard is submitted; amend it to change it.",
      );
    }
    const now = new Date();
    const revision = action.intent === "save" ? existing.revision : existing.revision + 1;
    const updated = await updateIfVersion(tx, existing.id, action.baseVersion, {
      content,
      ...(action.intent === "save" ? {} : { status: "submitted" as const, revision, submittedAt: now }),
    });
    if (!updated) conflict("This scorecard was changed in another tab or window since you loaded it.", existing);
    if (action.intent !== "save") {
      scorecardId = existing.id;
      await insertRevision(tx, {
        scorecardId: existing.id,
        revision,
        content,
        reason: action.intent === "amend" ? action.reason : null,
        submittedBy: user.id,
        submittedAt: now,
      });
      await appendAudit(tx, {
        actorId: user.id,
        action: action.intent === "amend" ? "scorecard.amend" : "scorecard.submit",
        subjectType: "scorecard",
        subjectId: existing.id,
        details: { interviewId, revision, ...(action.intent === "amend" ? { reason: action.reason } : {}) },
      });
    }
    return {
      version: updated.version,
      savedAt: updated.updated_at,
      status: action.intent === "save" ? "draft" : "submitted",
      revision: updated.revision,
    };
  });
  if (scorecardId)
    await scorecardSubmitted(db, {
      interviewId,
      scorecardId,
      amended: action.intent === "amend",
      content: action.content,
    });
  return result;
}

// The autosave of an existing draft, the page's most frequent request: one UPDATE that checks
// ownership, status and version together. Only when it changes nothing do we read why, to answer
// with the same 404 or 409 the full path gives.
async function autosave(
  db: Conn,
  user: Author,
  interviewId: string,
  baseVersion: number,
  content: string,
): Promise<SaveResult> {
  const saved = await saveDraftIfCurrent(db, { interviewId, interviewerId: user.id, baseVersion, content });
  if (saved) return { version: saved.version, savedAt: saved.updated_at, status: "draft", revision: saved.revision };
  await ownInterview(db, user, interviewId);
  const existing = await findScorecardByInterview(db, interviewId);
  if (!existing) throw new DomainError("conflict", "This scorecard no longer exists in the state you loaded.");
  if (existing.version !== baseVersion)
    conflict("This scorecard was changed in another tab or window since you loaded it.", existing);
  throw new DomainError("conflict", "This scorecard is submitted; amend it to change it.");
}

export function redFlagTitles(): Record<string, string> {
  return Object.fromEntries(Object.entries(getTemplates().redFlags).map(([id, def]) => [id, def.title]));
}

// The Markdown export: only the author's own submitted scorecard. The file name spells the
// candidate's name in ASCII ("Tomás Silva" → tomas-silva) so it survives every mail client and disk.
export async function scorecardMarkdown(
  user: Author,
  interviewId: string,
): Promise<{ fileName: string; markdown: string }> {
  const db = getDb();
  const interview = await ownInterview(db, user, interviewId);
  const scorecard = await findScorecardByInterview(db, interviewId);
  if (!scorecard || scorecard.status !== "submitted")
    throw new DomainError("not-found", "This scorecard is not submitted yet.");
  const titles = redFlagTitles();
  const submittedAt = scorecard.submitted_at ?? new Date();
  const when = (at: Date) => formatDateTime(at.toISOString(), interview.time_zone);
  const markdown = scorecardToMarkdown(parseContent(scorecard.content), {
    candidate: interview.candidate_name,
    position: interview.position_title,
    interviewer: interview.interviewer_name,
    stage: stageLabel(interview.stage),
    interviewedAt: when(interview.scheduled_at),
    submittedAt: when(submittedAt),
    redFlagTitle: (c) => titles[c] ?? c,
  });
  await appendAudit(db, {
    actorId: user.id,
    action: "scorecard.export-markdown",
    subjectType: "scorecard",
    subjectId: scorecard.id,
  });
  const slug = slugify(interview.candidate_name) || "candidate";
  return { fileName: `scorecard-${slug}-${submittedAt.toISOString().slice(0, 10)}.md`, markdown };
}
