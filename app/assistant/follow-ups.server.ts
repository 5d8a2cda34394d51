import type { RedFlagCategory } from "~/scorecards/rubric";
import type { RedFlag } from "~/scorecards/scorecard.schema";
import { tag } from "./language.server";
import type { PreparedQuestion } from "./question.server";

// Probing questions: first at the flags raised (worst first), then at the kit's key points the
// answer never touched, then general probes so there are always at least three.

const FOR_FLAG: Record<RedFlagCategory, string> = {
  overclaiming: "Which parts of that result came from your own work, and which from the rest of the team?",
  "ambiguity-avoidance": "What exactly was your role, and which decision in that story was yours?",
  "lack-of-reflection": "Looking back, what would you do differently, and what have you changed since?",
  "blame-shifting": "What part of the problem was yours, and what did you do about it?",
  "unquantified-impact": "How did you measure the outcome, and what were the numbers before and after?",
  "hypothetical-answer": "Can you tell me about a specific time this actually happened to you, and what you did?",
  "generic-answer": "Can you walk me through one specific occasion: who was involved, when it was, and what you did first?",
  inconsistency: "Earlier you gave a different figure; can you help me reconcile the two?",
};

const GENERAL = [
  "What was the hardest decision you made in that situation, and why?",
  "Who else was involved, and how did you work with them?",
  "If the same situation came up tomorrow, what would you do first?",
];

const MIN = 3;
const MAX = 8;

export function followUps(questions: PreparedQuestion[], flags: RedFlag[]): string[] {
  const asked = new Set<string>();
  const add = (q: string) => asked.size < MAX && asked.add(q);
  for (const flag of flags) add(FOR_FLAG[flag.category]);
  for (const q of questions) {
    const ask = q.kind === "situational" ? "How would you approach it" : "Can you walk me through it";
    for (const point of missedKeyPoints(q).slice(0, 3)) add(`Your answer did not cover “${point.replace(/[.?!]+$/, "")}”. ${ask}?`);
  }
  for (const q of GENERAL) if (asked.size < MIN) add(q);
  return [...asked];
}

// A key point counts as covered when most of its content words (by root form) appear in the answer.
function missedKeyPoints(q: PreparedQuestion): string[] {
  if (q.keyPoints.length === 0) return [];
  const answerRoots = new Set(roots(q.answer.doc));
  return q.keyPoints.filter((point) => {
    const wanted = roots(tag(point));
    if (wanted.length === 0) return false;
    return wanted.filter((r) => answerRoots.has(r)).length / wanted.length < 0.5;
  });
}

function roots(doc: ReturnType<typeof tag>): string[] {
  return doc
    .match("(#Noun|#Verb|#Adjective)")
    .not("(#Pronoun|#Copula|#Modal|#Determiner)")
    .out("array")
    .map((w: string) => w.toLowerCase().replace(/[^a-z]/g, "").slice(0, 5))
    .filter((w: string) => w.length >= 3);
}
