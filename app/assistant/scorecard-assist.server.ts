import { getDb } from "~db/index.server";
import { DomainError } from "~/errors.server";
import { requireOwnInterview } from "~/scorecards/scorecard.server";
import { currentKit } from "~/scorecards/kits.server";
import type { ScorecardContent } from "~/scorecards/scorecard.schema";
import type { AssistantResult } from "./assist.schema";
import type { DraftRequest } from "./draft.schema";
import { checkBiasOffThread } from "./pool.server";
import { draftWithAssistant } from "./provider.server";

// The scorecard as the assistant reads it: each asked question with its kind and key points
// from the kit, the interviewer's notes and ratings. Recommendation and ratings are context
// only; the assistant never proposes them.
export function draftRequestFrom(
  content: ScorecardContent,
  kitQuestions: { id: string; kind: "behavioral" | "situational"; keyPoints: string[] }[],
): DraftRequest {
  const byId = new Map(kitQuestions.map((q) => [q.id, q]));
  const asked = content.answers.filter((a) => a.answer.trim() || a.notes.trim());
  return {
    questions: (asked.length ? asked : content.answers.slice(0, 1)).map((a) => ({
      question: a.question,
      questionKind: byId.get(a.questionId)?.kind,
      keyPoints: byId.get(a.questionId)?.keyPoints,
      answer: a.answer,
      notes: a.notes,
    })),
    notes: content.notes,
    ratings: Object.fromEntries(
      Object.entries(content.ratings).filter(([, v]) => v !== null),
    ) as DraftRequest["ratings"],
    recommendation: content.recommendation ?? undefined,
  };
}

export async function draftForInterview(
  user: { id: string },
  interviewId: string,
  content: ScorecardContent,
): Promise<AssistantResult> {
  const interview = await requireOwnInterview(user, interviewId);
  const { kit } = await currentKit(getDb(), interview.kit_id);
  if (content.answers.length === 0)
    throw new DomainError("invalid", "Add a question and its answer before asking for a draft.");
  return draftWithAssistant(draftRequestFrom(content, kit.questions));
}

export async function biasForInterview(user: { id: string }, interviewId: string, text: string) {
  await requireOwnInterview(user, interviewId);
  return checkBiasOffThread(text);
}
