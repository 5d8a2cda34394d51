import { appendAudit } from "~db/queries/audit";
import { getDb } from "~db/index.server";
import { listDecisions } from "~db/queries/decisions";
import { isOnCommittee } from "~db/queries/committee";
import { findPacketCandidate, listPacketInterviews, type PacketViewer } from "~db/queries/packets";
import { loadDebrief } from "./debrief.server";
import type { Conn } from "~db/schema";
import { hasRole, type SessionUser } from "~/auth/guard.server";
import { DomainError } from "~/errors.server";
import { feedbackStatus } from "~/scorecards/feedback-status";
import type { CompetencyId, RedFlagCategory } from "~/scorecards/rubric";
import { scorecardContentSchema } from "~/scorecards/scorecard.schema";
import { redFlagTitles } from "~/scorecards/scorecard.server";
import { currentKit } from "~/scorecards/kits.server";
import { type Decision, type Packet, type PacketInterview } from "./packet";
import type { PacketIntent } from "./decision.schema";
import { packetPdf } from "./packet-pdf-cache.server";

// Reads one candidate's packet from the database. The viewer scope is applied in the query:
// a user who may not see the packet gets the same "not found" as for a candidate that does not exist.

export function packetViewer(user: SessionUser): PacketViewer {
  return { id: user.id, seesAll: hasRole(user, "recruiter", "admin") };
}

const notYours = () => new DomainError("not-found", "No such candidate among yours.");

// Committee members of this candidate decide and vote; an admin decides too but has no seat in
// the debrief. Recruiters read only.
async function seatOf(db: Conn, user: SessionUser, candidateId: string) {
  const member = await isOnCommittee(db, candidateId, user.id);
  return { canDecide: member || hasRole(user, "admin"), canVote: member };
}

// The guard of the packet's forms, before their input is read: whoever may not see the packet
// learns nothing (not found); a reader who may not do this is refused.
export async function requirePacketSeat(user: SessionUser, intent: PacketIntent, candidateId: string): Promise<void> {
  const db = getDb();
  if (!(await findPacketCandidate(db, candidateId, packetViewer(user)))) throw notYours();
  const seat = await seatOf(db, user, candidateId);
  if (intent === "vote" && !seat.canVote) {
    throw new DomainError("forbidden", "Only the candidate's committee votes in the debrief.");
  }
  if (intent === "decide" && !seat.canDecide) {
    throw new DomainError("forbidden", "Only the candidate's committee records the decision.");
  }
}

export type PacketPage = Awaited<ReturnType<typeof openPacket>>;

// decisionId: the decision standing now, which a revision names as the one it replaces.
export async function openPacket(user: SessionUser, candidateId: string, now = new Date()) {
  const db = getDb();
  const loaded = await loadPacket(db, candidateId, packetViewer(user), now);
  if (!loaded) throw notYours();
  await appendAudit(db, { actorId: user.id, action: "packet.view", subjectType: "candidate", subjectId: candidateId });
  return { ...loaded, ...(await seatOf(db, user, candidateId)), userId: user.id };
}

// The packet as a PDF file, rendered off the request thread (or from the cache), and the audit
// row that says who took a copy.
export async function downloadPacket(user: SessionUser, candidateId: string, now = new Date()) {
  const db = getDb();
  const loaded = await loadPacket(db, candidateId, packetViewer(user), now);
  if (!loaded) throw notYours();
  await appendAudit(db, {
    actorId: user.id,
    action: "packet.download",
    subjectType: "candidate",
    subjectId: candidateId,
  });
  return { pdf: await packetPdf(loaded.packet), fileName: packetFileName(loaded.packet) };
}

// viewer null: unscoped, for the command line run by whoever operates the database.
export async function buildPacket(
  db: Conn,
  candidateId: string,
  viewer: PacketViewer | null,
  now = new Date(),
): Promise<Packet | null> {
  return (await loadPacket(db, candidateId, viewer, now))?.packet ?? null;
}

async function loadPacket(db: Conn, candidateId: string, viewer: PacketViewer | null, now: Date) {
  const candidate = await findPacketCandidate(db, candidateId, viewer);
  if (!candidate) return null;
  const [interviews, decisions, debrief] = await Promise.all([
    listPacketInterviews(db, candidateId, viewer?.id ?? null),
    listDecisions(db, candidateId),
    loadDebrief(db, candidateId, viewer?.id ?? null),
  ]);
  const prompts = await focusPrompts(db, [...new Set(interviews.map((i) => i.kit_id))]);
  const history = decisions.map(
    (d): Decision => ({
      outcome: d.outcome,
      level: d.level,
      rationale: d.rationale,
      reason: d.reason,
      recordedBy: { id: d.recorded_by_id, name: d.recorded_by_name },
      recordedAt: d.recorded_at,
      votes: d.votes.map(({ name, outcome, reason }) => ({ name, outcome, reason })),
      missingScorecards: d.missing_scorecards,
      earlyReason: d.early_reason,
    }),
  );
  const packet: Packet = {
    candidate: {
      id: candidate.id,
      name: candidate.name,
      email: candidate.email,
      levelApplied: candidate.level_applied,
    },
    position: { id: candidate.position_id, title: candidate.position_title },
    generatedAt: now,
    interviews: interviews.map((row) => packetInterview(row, now, prompts)),
    decision: history.at(-1) ?? null,
    decisionHistory: history,
    debrief,
    redFlagTitles: redFlagTitles() as Record<RedFlagCategory, string>,
  };
  return { packet, decisionId: decisions.at(-1)?.id ?? null };
}

type InterviewRow = Awaited<ReturnType<typeof listPacketInterviews>>[number];

function packetInterview(row: InterviewRow, now: Date, prompts: Map<string, string>): PacketInterview {
  const base = {
    id: row.id,
    interviewer: { id: row.interviewer_id, name: row.interviewer_name },
    stage: row.stage,
    scheduledAt: row.scheduled_at,
    durationMinutes: row.duration_minutes,
    focus: {
      competencies: row.focus_competencies as CompetencyId[],
      questions: row.focus_questions.map((id) => prompts.get(`${row.kit_id}/${id}`) ?? id),
    },
    revision: row.revision ?? 0,
  };
  if (row.scorecard_status === "submitted" && row.submitted_at) {
    if (row.withheld) return { ...base, status: "withheld", submittedAt: row.submitted_at, scorecard: null };
    return {
      ...base,
      status: "submitted",
      submittedAt: row.submitted_at,
      scorecard: scorecardContentSchema.parse(row.content),
    };
  }
  // Past the feedback deadline an unsubmitted scorecard is overdue, draft or not.
  const timing = {
    scheduledAt: row.scheduled_at,
    durationMinutes: row.duration_minutes,
    cancelledAt: null,
    scorecardStatus: row.scorecard_status,
  };
  const status =
    feedbackStatus(timing, now) === "overdue" ? "overdue" : row.scorecard_status === "draft" ? "draft" : "not-started";
  return { ...base, status, submittedAt: null, scorecard: null };
}

// Focus questions are stored as kit question ids; the committee reads the prompt as the kit
// says it now (an edited kit included), keyed "kit/question".
async function focusPrompts(db: Conn, kitIds: string[]): Promise<Map<string, string>> {
  const prompts = new Map<string, string>();
  for (const kitId of kitIds) {
    const current = await currentKit(db, kitId).catch((error) => {
      if (error instanceof DomainError) return null; // a kit that no longer exists: show the ids
      throw error;
    });
    for (const q of current?.kit.questions ?? []) prompts.set(`${kitId}/${q.id}`, q.prompt);
  }
  return prompts;
}

// An ASCII file name, so every browser and shell keeps it: "Tomás Silva" → packet-tomas-silva.pdf.
export function packetFileName(packet: Packet): string {
  const slug = packet.candidate.name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return `packet-${slug || "candidate"}.pdf`;
}
