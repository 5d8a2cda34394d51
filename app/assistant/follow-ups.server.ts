import type { RedFlagCategory } from "~/scorecards/rubric";
import type { RedFlag } from "~/scorecards/scorecard.schema";
import { contentStems, type Sentence } from "./language.server";
import { echo } from "./prose.server";
import type { PreparedQuestion } from "./question.server";

// What an interviewer would ask next: each question picks up something the candidate said
// ("You said you rebuilt the rota in a weekend — who signed it off?"), first at the flags raised
// (worst first), then at the kit's key points the answer missed; at most one stock question.

const FOR_FLAG: Record<RedFlagCategory, string> = {
  overclaiming: "which part of that was your own work, and who else made it happen",
  "ambiguity-avoidance": "what exactly did you do yourself, and which decision was yours",
  "lack-of-reflection": "what would you do differently if it happened again",
  "blame-shifting": "what was your own part in how it turned out, and what did you do about it",
  "unquantified-impact": "how did you measure that, and what were the numbers before and after",
  "hypothetical-answer": "when did that actually happen to you, and what did you do",
  "generic-answer": "can you take me through one specific time: who was involved, when, and what you did first",
  inconsistency: "which figure is right, and what explains the difference",
};

const STOCK = "What was the hardest decision you made in that situation, and why?";
const MIN = 3;
const MAX = 8;

export function followUps(questions: PreparedQuestion[], flags: RedFlag[]): string[] {
  const asked: string[] = [];
  const used = new Set<string>();
  const add = (q: string) => {
    if (asked.length < MAX && !asked.includes(q)) asked.push(q);
  };
  const sentences = questions.flatMap((q) => q.answer.sentences);
  const bySentence = (text: string) => sentences.find((s) => s.text.startsWith(text) || text.startsWith(s.text));

  for (const flag of flags) {
    const said = flag.evidence.map(bySentence).find((s): s is Sentence => s !== undefined && !used.has(s.text));
    if (said) {
      used.add(said.text);
      add(`You said ${echo(said)} — ${FOR_FLAG[flag.category]}?`);
    } else if (flag.evidence[0]) {
      add(`The notes say “${flag.evidence[0].replace(/[.;:]+$/, "")}” — ${FOR_FLAG[flag.category]}?`);
    }
  }
  for (const q of questions) {
    const anchor =
      q.answer.sentences.find((s) => s.ownActions > 0 && !used.has(s.text)) ??
      q.answer.sentences.find((s) => !used.has(s.text)) ??
      q.answer.sentences[0];
    for (const point of missedKeyPoints(q).slice(0, 2)) {
      const topic = point.replace(/[.?!]+$/, "");
      const lead = anchor ? `You mentioned ${echo(anchor)} — ` : "";
      add(
        `${lead}${lead ? "where did" : "Where did"} ${topic.charAt(0).toLowerCase()}${topic.slice(1)} come into it` +
          `${q.kind === "situational" ? ", and how would you handle it" : ""}?`,
      );
    }
  }
  // Still short: pick up what the candidate said, the most specific first (names, figures,
  // things), from new angles; a stock question only when the answer gives nothing to hold.
  const angles = [
    "why that, rather than something else",
    "who else was involved, and how did you work with them",
    "what did you do next, and what came of it",
    "how did you know it had worked",
  ];
  const ranked = [...sentences]
    .filter((s) => s.words >= 4)
    .sort((a, b) => Number(used.has(a.text)) - Number(used.has(b.text)) || specificity(b) - specificity(a));
  for (const angle of angles) {
    for (const s of ranked) {
      if (asked.length >= MIN) break;
      const question = `You said ${echo(s)} — ${angle}?`;
      if (asked.some((q) => q.startsWith(`You said ${echo(s)} —`))) continue;
      used.add(s.text);
      add(question);
      break;
    }
  }
  for (const s of ranked) {
    if (asked.length >= MIN) break;
    add(`You said ${echo(s)} — ${angles[asked.length % angles.length]}?`);
  }
  if (asked.length < MIN) add(STOCK);
  return asked;
}

/** Names, figures and things a follow-up can pick up. */
export function specificity(s: Sentence): number {
  return s.tokens.reduce(
    (n, t) =>
      n +
      (t.number ? 2 : 0) +
      (t.proper ? 2 : 0) +
      (t.tags.has("Noun") && !t.tags.has("Pronoun") && t.word.length > 3 ? 1 : 0),
    0,
  );
}

// A key point counts as covered when most of its content words (by stem) appear in the answer.
function missedKeyPoints(q: PreparedQuestion): string[] {
  if (q.keyPoints.length === 0) return [];
  const answer = new Set(contentStems(q.answer));
  return q.keyPoints.filter((point) => {
    const wanted = point
      .toLowerCase()
      .split(/[^a-z]+/)
      .filter((w) => w.length >= 4)
      .map((w) => w.slice(0, 5));
    if (wanted.length === 0) return false;
    const have = [...answer].map((a) => a.slice(0, 5));
    return wanted.filter((w) => have.includes(w)).length / wanted.length < 0.5;
  });
}
