import { getDb } from "~db/index.server";
import { findCandidate } from "~db/queries/candidates";
import { listInterviewsForCandidate } from "~db/queries/interviews";
import { listActiveWithRole } from "~db/queries/people";
import { currentKit } from "~/scorecards/kits.server";

// What the interview form offers: active interviewers, the kit's questions (with who already
// owns each one) and the zones a recruiter can pick.
export async function panelOptions(candidateId: string, kitId: string, exceptInterviewId?: string) {
  const [interviewers, interviews, { kit }] = await Promise.all([
    listActiveWithRole(getDb(), "interviewer"),
    listInterviewsForCandidate(getDb(), candidateId),
    currentKit(getDb(), kitId),
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
    timeZones: ["UTC", ...Intl.supportedValuesOf("timeZone").filter((zone) => zone !== "UTC")],
  };
}

// The candidate and the options for the panel builder; null when there is no such candidate.
export async function candidateForLoop(candidateId: string) {
  const candidate = await findCandidate(getDb(), candidateId);
  if (!candidate) return null;
  return {
    candidate: {
      id: candidate.id,
      name: candidate.name,
      position: candidate.position_title,
      archived: Boolean(candidate.archived_at),
    },
    ...(await panelOptions(candidate.id, candidate.kit_id)),
  };
}
