import { checkBias } from "./bias.server";
import { draftSchema, type Draft, type DraftRequest } from "./draft.schema";
import { followUps } from "./follow-ups.server";
import { prepareQuestion } from "./question.server";
import { detectRedFlags } from "./red-flags.server";
import { strengthsAndImprovements } from "./review.server";
import { writeSummary } from "./summary.server";

export { checkBias };

// The built-in drafter: offline and deterministic. It drafts; the interviewer decides. It never
// proposes a recommendation or a rating.
export function draftScorecard(input: DraftRequest): Draft {
  const questions = input.questions.map((q) => prepareQuestion(q, input.notes));
  const redFlags = detectRedFlags(questions);
  const { strengths, improvements } = strengthsAndImprovements(questions, input, redFlags);
  const notes = [input.notes, ...input.questions.map((q) => q.notes)].filter((n) => n.trim() !== "").join("\n");
  return draftSchema.parse({
    summary: writeSummary(questions, input.ratings, redFlags),
    strengths,
    improvements,
    redFlags,
    followUps: followUps(questions, redFlags),
    biasWarnings: checkBias(notes),
  });
}
