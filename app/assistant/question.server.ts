import type { QuestionKind } from "~/scorecards/rubric";
import { getTemplates } from "~/scorecards/templates.server";
import type { DraftQuestion } from "./draft.schema";
import { analyse, type Analysis } from "./language.server";

// One interview question ready for the detectors: its kind and key points (from the input,
// else the kit, else the wording) and the analysed answer and notes.

export type PreparedQuestion = {
  prompt: string;
  kind: QuestionKind;
  keyPoints: string[];
  answer: Analysis;
  notes: Analysis;
};

/** `interviewNotes` is parsed once by the caller and shared by every question. */
export function prepareQuestion(q: DraftQuestion, interviewNotes: Analysis): PreparedQuestion {
  const kit = kitQuestionFor(q.question);
  const own = analyse(q.notes);
  return {
    prompt: q.question,
    kind: q.questionKind ?? kit?.kind ?? inferKind(q.question),
    keyPoints: q.keyPoints ?? kit?.keyPoints ?? [],
    answer: analyse(q.answer),
    notes: {
      text: [q.notes, interviewNotes.text].filter((n) => n.trim() !== "").join("\n"),
      sentences: [...own.sentences, ...interviewNotes.sentences],
      words: own.words + interviewNotes.words,
    },
  };
}

function kitQuestionFor(prompt: string) {
  const wanted = normalise(prompt);
  if (wanted === "") return undefined;
  for (const kit of getTemplates().kits) {
    const found = kit.questions.find((q) => normalise(q.prompt) === wanted);
    if (found) return found;
  }
  return undefined;
}

const normalise = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();

// "How would you…", "Imagine…", "What do you do if…" ask for a plan; everything else
// ("Tell me about a time…", "Describe a situation…") asks what happened.
// A question about a past occasion says so ("a time you…", "the last time") whatever else it says.
const PAST_OCCASION =
  / (tell me about|describe|talk me through|walk me through|give me an example of|share) (a|an|one|the) (time|situation|occasion|moment|example|incident|project|day|case) | (a|one) time (when |that )?| (last|first) time you | when you (had|were|did|last) | (give|show) (me|us) an example | (of|about) when you /;
const PLAN =
  / (would|will|should|could) you | you('d| would| will| should| might) | (imagine|suppose|supposing|hypothetically|picture|assume|assuming) | what if | (if|when) (you|a|an|the|your|one|someone|two) | (what|how) do you (do|handle|approach|deal|respond|manage) | let('s| us) say |^ say /;

export function inferKind(prompt: string): QuestionKind {
  const words = ` ${prompt
    .toLowerCase()
    .replace(/[’]/g, "'")
    .replace(/[^a-z']+/g, " ")} `;
  if (PAST_OCCASION.test(words)) return "behavioral";
  return PLAN.test(words) ? "situational" : "behavioral";
}
