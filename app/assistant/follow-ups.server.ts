import type { RedFlagCategory } from "~/scorecards/rubric";
import type { RedFlag } from "~/scorecards/scorecard.schema";
import { contentStems, type Sentence } from "./language.server";
import { echo } from "./prose.server";
import type { PreparedQuestion } from "./question.server";
import * as S from "./signals.server";
import { DECISIONS, LESSONS, contentWords, rejoined } from "./spoken.server";

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
    } else {
      // The interviewer's own note, when that is all the flag rests on.
      const note = flag.evidence.find((e) => !bySentence(e));
      if (note) add(`The notes say “${shortQuote(note)}” — ${FOR_FLAG[flag.category]}?`);
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
  // decisions, vague claims), each from the angle its content calls for and, across a
  // multi-question interview, from as many answers as possible; a stock question only when the
  // answers give nothing to hold.
  const wanted = Math.max(MIN, Math.min(questions.length + 1, 6));
  const answered = new Set<PreparedQuestion>();
  const probes = questions.flatMap((q) =>
    rejoined(q.answer.sentences)
      .filter((s) => contentWords(s) >= 4 && !used.has(s.text) && s.tokens.some((t) => t.tags.has("Verb")))
      .map((s) => ({ q, s, angle: angleFor(s), rank: specificity(s) })),
  );
  const kinds = new Set<string>();
  while (asked.length < wanted && probes.length > 0) {
    probes.sort(
      (a, b) =>
        Number(answered.has(a.q)) - Number(answered.has(b.q)) ||
        Number(kinds.has(a.angle.kind)) - Number(kinds.has(b.angle.kind)) ||
        b.rank - a.rank,
    );
    const { q, s, angle } = probes.shift()!;
    const said = echo(s);
    if (said.split(" ").length < 3 || asked.some((a) => a.includes(said))) continue;
    answered.add(q);
    kinds.add(angle.kind);
    add(`You said ${said} — ${angle.question}?`);
  }
  if (asked.length < MIN) add(STOCK);
  return asked;
}

type Angle = { kind: string; question: string };

/** What to ask about a sentence, from what it holds: a person, a figure, a plan, a claim, a decision. */
function angleFor(s: Sentence): Angle {
  const person = personIn(s);
  const lookingBack = s.clauses.some((c) => (c.subject === "self" || c.subject === "we") && c.counterfactual);
  if (lookingBack || (S.reflects(s) && s.conditional > 0))
    return { kind: "reflection", question: "what stopped you doing that at the time, and have you done it since" };
  if (S.reflects(s) && LESSONS.has(s.tokens))
    return { kind: "reflection", question: "what prompted that change, and how has it worked since" };
  if (s.conditional > 0 && s.ownPast === 0 && !s.clauses.some((c) => c.past && !c.conditional))
    return { kind: "plan", question: "when have you actually done that, and how did it go" };
  if (person) return { kind: "person", question: `what did ${person} do, and which part was yours` };
  if (s.figures.length > 0 && (S.outcome(s) || s.ownActions === 0))
    return { kind: "figure", question: "how was that measured, and what else changed over the same period" };
  if (S.bigWords(s) || (S.outcome(s) && s.figures.length === 0))
    return { kind: "claim", question: "what exactly changed, and how do you know" };
  if (s.singular === 0 && s.clauses.some((c) => c.subject === "we" && c.past))
    return { kind: "team", question: "which part of that was yours, and who made the call" };
  if (s.ownPast > 0 && DECISIONS.has(s.tokens))
    return { kind: "decision", question: "why did you choose that, and what else did you consider" };
  if (s.ownPast > 0) return { kind: "action", question: "what did you do next, and what came of it" };
  return { kind: "next", question: "what did you do about it, and what came of it" };
}

const TITLES = new Set(["dr", "mr", "mrs", "ms", "miss", "prof", "sister", "nurse", "coach"]);

/** A person the candidate names ("Ana", "Dr. Okafor"), not a word of a place's name ("Café Zoë"). */
function personIn(s: Sentence): string | undefined {
  for (let i = 1; i < s.tokens.length; i++) {
    const t = s.tokens[i];
    if (!t.tags.has("Person") || !/^\p{Lu}/u.test(t.text)) continue;
    const before = s.tokens[i - 1];
    if (TITLES.has(before.word.replace(/\.$/, "")))
      return `${before.text}${before.post.trim()} ${t.text}`.replace(/['’]s$/, "");
    if (i > 1 && /^\p{Lu}/u.test(before.text) && !/[,;:]\s*$/.test(before.post)) continue;
    return t.text.replace(/['’]s$/, "");
  }
  return undefined;
}

const shortQuote = (text: string) => {
  const words = text.replace(/[.;:]+$/, "").split(/\s+/);
  return words.length <= 20 ? words.join(" ") : `${words.slice(0, 20).join(" ")} …`;
};

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
