import { COMPETENCY_IDS, LEVELS, competencyLabel, type CompetencyId } from "~/scorecards/rubric";
import { LIMITS, type RedFlag } from "~/scorecards/scorecard.schema";
import { getTemplates } from "~/scorecards/templates.server";
import type { DraftRequest } from "./draft.schema";
import type { Term } from "compromise/misc";
import { tag, type Sentence } from "./language.server";
import type { PreparedQuestion } from "./question.server";
import { OUTCOME, REFLECTION } from "./signals.server";

// The formal summary is built only from the candidate's own sentences, turned into the third
// person, plus the interviewer's ratings: it can never state a figure that is not in the input.

const MAX_WORDS = 250;
const MIN_WORDS = 40;
const MAX_SENTENCE_WORDS = 45;

export function writeSummary(questions: PreparedQuestion[], ratings: DraftRequest["ratings"], flags: RedFlag[]): string {
  const closing = [ratingsSentence(ratings), probeSentence(flags)].filter(Boolean).join(" ");
  const budget = Math.max(60, MAX_WORDS - wordCount(closing) - 10);
  const perQuestion = Math.floor(budget / questions.length);
  const accounts = questions.map((q) => account(q, questions.length > 1, perQuestion)).filter(Boolean);
  const body = accounts.length > 0 ? accounts.join(" ") : "The captured answers give little detail about the situation, the candidate's own actions or the outcome.";
  let summary = `${body} ${closing}`.trim();
  if (wordCount(summary) < MIN_WORDS) {
    summary += " The notes and answer as captured are brief, so the committee should weigh the follow-up questions below before relying on this account.";
  }
  return clip(summary, LIMITS.summary);
}

// Word budgets do not bound characters: one pasted 50,000-character "word" must not overflow the field.
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 2).join("")} …`;
}

function account(q: PreparedQuestion, labelled: boolean, budget: number): string {
  const sentences = q.answer.sentences;
  if (sentences.length === 0) return "";
  const used = new Set<Sentence>();
  const pick = (found: Sentence | undefined) => {
    if (!found || used.has(found)) return undefined;
    used.add(found);
    return found;
  };
  const parts: [string, Sentence | undefined][] = [
    ["Situation", pick(sentences[0])],
    ["Own actions", pick(sentences.find((s) => !used.has(s) && s.singular > 0 && s.ownPast > 0))],
    ["Outcome", pick(sentences.find((s) => !used.has(s) && s.figures.length > 0 && OUTCOME.test(s.text)) ?? sentences.find((s) => !used.has(s) && OUTCOME.test(s.text)))],
    ["Reflection", pick(sentences.find((s) => !used.has(s) && REFLECTION.test(s.text)))],
  ];
  const intro = labelled ? `On the question "${q.prompt.trim()}", the candidate's account was as follows.` : "The candidate gave the following account.";
  let text = intro;
  for (const [label, sentence] of parts) {
    if (!sentence) continue;
    const line = `${label}: ${shorten(thirdPerson(sentence.text))}`;
    if (wordCount(text) + wordCount(line) > budget) break;
    text += ` ${line}`;
  }
  return text === intro ? "" : text;
}

function ratingsSentence(ratings: DraftRequest["ratings"]): string {
  const byLevel = [...LEVELS]
    .reverse()
    .map((level) => ({ level, names: COMPETENCY_IDS.filter((id) => ratings[id] === level.id).map(competencyLabel) }))
    .filter((g) => g.names.length > 0)
    .map((g) => `${g.level.label} for ${list(g.names)}`);
  const notAssessed = COMPETENCY_IDS.filter((id: CompetencyId) => ratings[id] === "not-assessed").map(competencyLabel);
  const parts = [];
  if (byLevel.length > 0) parts.push(`The interviewer rated ${byLevel.join("; ")}.`);
  if (notAssessed.length > 0) parts.push(`Not assessed: ${list(notAssessed)}.`);
  return parts.join(" ");
}

function probeSentence(flags: RedFlag[]): string {
  const serious = flags.filter((f) => f.severity >= 3).map((f) => getTemplates().redFlags[f.category].title.toLowerCase());
  return serious.length > 0 ? `Points for the committee to probe: ${list(serious)}.` : "";
}

const list = (items: string[]) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`);
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;

function shorten(sentence: string): string {
  const words = sentence.split(/\s+/);
  return words.length <= MAX_SENTENCE_WORDS ? sentence : `${words.slice(0, MAX_SENTENCE_WORDS).join(" ")} …`;
}

const FIRST_PERSON: Record<string, string> = {
  i: "they",
  me: "them",
  my: "their",
  mine: "theirs",
  myself: "themselves",
  we: "the team",
  us: "the team",
  our: "the team's",
  ours: "the team's",
  ourselves: "themselves",
};
// "they" takes the plural verb where "I" did not.
const AFTER_THEY: Record<string, string> = { am: "are", was: "were" };

/** "I was asked…; we shipped it" → "They were asked…; the team shipped it". */
export function thirdPerson(sentence: string): string {
  // compromise keeps the expanded words of a contraction (I'm → i + am) in `implicit`.
  const terms = tag(sentence).document.flat() as (Term & { implicit?: string })[];
  let out = "";
  let previous = "";
  terms.forEach((term, i) => {
    const contracted = term.implicit !== undefined;
    const word = contracted ? term.implicit! : term.text;
    const lower = word.toLowerCase();
    let replaced = FIRST_PERSON[lower] ?? (previous === "they" ? AFTER_THEY[lower] : undefined) ?? word;
    if (replaced !== word && /^[A-Z]/.test(word) && (lower !== "i" || out.trim() === "")) replaced = replaced.charAt(0).toUpperCase() + replaced.slice(1);
    const next = terms[i + 1];
    const joiner = contracted && term.post === "" && next?.implicit !== undefined && next.pre === "" ? " " : "";
    out += term.pre + replaced + term.post + joiner;
    if (replaced !== "") previous = FIRST_PERSON[lower] === "they" ? "they" : lower;
  });
  return out.trim().replace(/(^|[.!?]\s+)([a-z])/g, (_, gap: string, c: string) => gap + c.toUpperCase());
}
