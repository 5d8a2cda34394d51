import { LIMITS } from "~/scorecards/scorecard.schema";
import { biasIn, checkBias } from "./bias.server";
import { draftSchema, type Draft, type DraftRequest } from "./draft.schema";
import { followUps } from "./follow-ups.server";
import { analyse } from "./language.server";
import { prepareQuestion } from "./question.server";
import { detectRedFlags } from "./red-flags.server";
import { strengthsAndImprovements } from "./review.server";
import { writeSummary } from "./summary.server";

export { checkBias };

// The built-in drafter: offline and deterministic. It drafts; the interviewer decides. It never
// proposes a recommendation or a rating. Each text is parsed once.
export function draftScorecard(input: DraftRequest): Draft {
  const interviewNotes = analyse(input.notes);
  const questions = input.questions.map((q) => prepareQuestion(q, interviewNotes));
  const noteSentences = [
    ...questions.flatMap((q) => q.notes.sentences.slice(0, q.notes.sentences.length - interviewNotes.sentences.length)),
    ...interviewNotes.sentences,
  ];
  const biasWarnings = biasIn(noteSentences);
  const biased = new Set(biasWarnings.map((w) => w.excerpt));
  const redFlags = detectRedFlags(questions);
  const { strengths, improvements } = strengthsAndImprovements(questions, input, redFlags);
  return draftSchema.parse({
    summary: writeSummary(
      questions,
      input.ratings,
      redFlags,
      noteSentences.map((sentence) => ({
        sentence,
        biased: biased.has(sentence.text) || [...biased].some((b) => sentence.text.startsWith(b)),
      })),
    ),
    strengths: strengths.map((l) => fit(l, "")),
    improvements: improvements.map((l) => fit(l, "")),
    redFlags,
    followUps: followUps(questions, redFlags).map((q) => fit(q, "?")),
    biasWarnings,
  });
}

// Quoted words can be arbitrarily long (one pasted 50,000-character "word"): keep every line
// within the field, ending as it must.
function fit(line: string, ending: string): string {
  const chars = [...line];
  return chars.length <= LIMITS.line ? line : `${chars.slice(0, LIMITS.line - 2 - ending.length).join("")} …${ending}`;
}
