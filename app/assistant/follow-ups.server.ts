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
        `${lead}${lead ? "where did" : "Where did"} ${topic.charAt(0).toLowerCase()}${topic.slice(1)} come into it${q.kind === "situational" ? ", and how would you handle it" : ""}?`,
      );
    }
  }
  // Still short: pick up the candidate's own actions, then one stock question at most.
  for (const s of sentences.filter((s) => s.ownActions > 0 && !used.has(s.text))) {
    if (asked.length >= MIN) break;
    used.add(s.text);
    add(
      asked.length % 2 === 0
        ? `You said ${echo(s)} — why that, rather than something else?`
        : `You said ${echo(s)} — who else was involved, and how did you work with them?`,
    );
  }
  for (const s of sentences.filter((s) => !used.has(s.text) && s.words >= 4)) {
    if (asked.length >= MIN - 1) break;
    used.add(s.text);
    add(`You said ${echo(s)} — what did you do next, and what came of it?`);
  }
  if (asked.length < MIN) add(STOCK);
  if (asked.length < MIN)
    add("Can you give me one concrete example from your own work, with who was involved and what you did?");
  if (asked.length < MIN) add("What would you need from the team to do that well here?");
  return asked;
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
