import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { getDb } from "~db/index.server";
import type { Conn } from "~db/schema";
import { findCandidate } from "~db/queries/candidates";
import { findInterview, listInterviewsForCandidate } from "~db/queries/interviews";
import { listActiveWithRole } from "~db/queries/people";
import { DomainError } from "~/errors.server";
import { currentKit } from "~/scorecards/kits.server";
import { TIME_ZONES } from "~/ui/time-zones.server";

// What the interview forms offer: active interviewers, the kit's questions (with who already
// owns each one) and the zones a recruiter can pick.
async function panelOptions(db: Conn, candidateId: string, kitId: string, exceptInterviewId?: string) {
  const [interviewers, interviews, { kit }] = await Promise.all([
    listActiveWithRole(db, "interviewer"),
    listInterviewsForCandidate(db, candidateId),
    currentKit(db, kitId),
  ]);
  const owner = new Map<string, string>();
  for (const i of interviews) {
    if (i.cancelled_at || i.id === exceptInterviewId) continue;
    for (const q of i.focus_questions as string[]) owner.set(q, i.interviewer_name);
  }
  return {
    interviewers,
    questions: kit.questions.map((q) => ({
      id: q.id,
      prompt: q.prompt,
      competencies: q.competencies,
      ownedBy: owner.get(q.id) ?? null,
    })),
    timeZones: TIME_ZONES,
  };
}

async function existingCandidate(db: Conn, candidateId: string) {
  const candidate = await findCandidate(db, candidateId);
  if (!candidate) throw new DomainError("not-found", "No such candidate.");
  return candidate;
}

// The candidate and the options for a new interview or the panel builder.
export async function candidateForLoop(candidateId: string) {
  const db = getDb();
  const candidate = await existingCandidate(db, candidateId);
  return {
    candidate: {
      id: candidate.id,
      name: candidate.name,
      position: candidate.position_title,
      archived: Boolean(candidate.archived_at),
    },
    ...(await panelOptions(db, candidate.id, candidate.kit_id)),
  };
}

// One interview as its form edits it: the date and time on the wall clock of its own zone.
export async function interviewForChange(candidateId: string, interviewId: string) {
  const db = getDb();
  const candidate = await existingCandidate(db, candidateId);
  const interview = await findInterview(db, candidate.id, interviewId);
  if (!interview) throw new DomainError("not-found", "No such interview.");
  const local = new TZDate(interview.scheduled_at, interview.time_zone);
  return {
    candidate: { id: candidate.id, name: candidate.name },
    interview: {
      ...interview,
      scheduled_at: interview.scheduled_at.toISOString(),
      date: format(local, "yyyy-MM-dd"),
      time: format(local, "HH:mm"),
    },
    ...(await panelOptions(db, candidate.id, candidate.kit_id, interview.id)),
  };
}
