import { COMPETENCY_IDS, LEVELS, competencyLabel, type CompetencyId } from "~/scorecards/rubric";
import { LIMITS, type RedFlag } from "~/scorecards/scorecard.schema";
import { getTemplates } from "~/scorecards/templates.server";
import type { DraftRequest } from "./draft.schema";
import type { Sentence } from "./language.server";
import { render } from "./prose.server";
import type { PreparedQuestion } from "./question.server";
import * as S from "./signals.server";
import { contentWords, rejoined } from "./spoken.server";

export { thirdPerson } from "./prose.server";

// The formal summary, for a hiring committee: per question one short paragraph of what the
// candidate did (situation, own actions, outcome with its figures, and their reflection when
// there is one), then the interviewer's observations and ratings. Built only from the input's
// own sentences, so it never states a figure the input does not.

const MAX_WORDS = 250;
const MIN_WORDS = 40;
const MAX_SENTENCE_WORDS = 40;

type Observation = { sentence: Sentence; biased: boolean };

export function writeSummary(
  questions: PreparedQuestion[],
  ratings: DraftRequest["ratings"],
  flags: RedFlag[],
  notes: Observation[],
): string {
  const closing = [observations(notes), ratingsSentence(ratings), probeSentence(flags)].filter(Boolean).join(" ");
  const budget = Math.max(30 * questions.length, MAX_WORDS - wordCount(closing));
  const perQuestion = Math.max(25, Math.floor(budget / questions.length));
  const accounts = questions.map((q) => account(q, questions.length > 1, perQuestion)).filter(Boolean);
  const body =
    accounts.length > 0
      ? accounts
      : ["The captured answers give little detail about the situation, the candidate's own actions or the outcome."];
  let summary = [...body, closing].filter(Boolean).join("\n\n");
  if (wordCount(summary) < MIN_WORDS) {
    summary +=
      " The answer as captured is brief, so the committee should weigh the follow-up questions below" +
      " before relying on this account.";
  }
  return clip(summary, LIMITS.summary);
}

// Word budgets do not bound characters: one pasted 50,000-character "word" must not overflow the field.
function clip(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 2).join("")} …`;
}

function account(q: PreparedQuestion, labelled: boolean, budget: number): string {
  const sentences = rejoined(q.answer.sentences).filter((s) => !S.meta(s) && contentWords(s) >= 3);
  if (sentences.length === 0) return "";
  const chosen = new Map<Sentence, "plain" | "reflection">();
  const pick = (s: Sentence | undefined, role: "plain" | "reflection" = "plain") => {
    if (s && !chosen.has(s)) chosen.set(s, role);
  };
  // In order of what must survive a tight budget: the outcome and every other measured sentence
  // (their figures exactly as said), what the candidate did, the situation, their own reflection.
  const reflection = sentences.find((s) => S.reflects(s));
  const measured = sentences.filter((s) => s.figures.length > 0 && s !== reflection);
  pick(outcomeOf(sentences));
  measured.forEach((s) => pick(s));
  pick(sentences.find((s) => s.ownActions > 0 && s.ownPast > 0) ?? sentences.find((s) => s.ownActions > 0));
  pick(sentences[0]);
  pick(reflection, "reflection");
  pick(sentences.find((s) => !chosen.has(s) && s.ownPast > 0 && s.singular > 0));
  pick(sentences.find((s) => !chosen.has(s) && S.outcome(s) && s !== reflection));

  let words = labelled ? wordCount(q.prompt) + 2 : 0;
  const kept: Sentence[] = [];
  for (const [sentence, role] of chosen) {
    const length = wordCount(phrase(sentence, role, false));
    if (words + length > budget && kept.length > 0) continue;
    kept.push(sentence);
    words += length;
  }
  kept.sort((a, b) => sentences.indexOf(a) - sentences.indexOf(b));
  if (kept.length === 0) return "";
  const ordered = kept.map((sentence, i) => phrase(sentence, chosen.get(sentence)!, i === 0));
  if (!/^The candidate\b/.test(ordered[0])) ordered[0] = lead(phrase(kept[0], chosen.get(kept[0])!, false), kept[0]);
  if (!labelled) return ordered.join(" ");
  ordered[0] = ordered[0].charAt(0).toLowerCase() + ordered[0].slice(1);
  return `Asked “${q.prompt.trim().replace(/[.?!:]+$/, "")}”, ${ordered.join(" ")}`;
}

/** The sentence that says how it ended: the last measured one after the opening, else any result. */
export function outcomeOf(sentences: Sentence[]): Sentence | undefined {
  const measured = sentences.filter((s) => s !== sentences[0] && s.figures.length > 0 && !S.reflects(s));
  return (
    [...measured].reverse().find((s) => S.outcome(s) || s.ownActions === 0) ??
    measured[measured.length - 1] ??
    sentences.find((s) => s.figures.length > 0 && S.outcome(s) && !S.reflects(s)) ??
    sentences.find((s) => S.outcome(s) && !S.reflects(s))
  );
}

// A paragraph opens on the candidate: "The candidate described how the night shift …".
function lead(text: string, s: Sentence): string {
  if (/^The candidate\b/.test(text)) return text;
  const acts = s.clauses[0] && (s.clauses[0].past || s.clauses[0].modal);
  if (/^They\b/.test(text) && acts) return text.replace(/^They\b/, "The candidate");
  if (/^On reflection, the candidate/.test(text)) return text;
  const first = s.tokens.find((t) => t.text !== "" && text.startsWith(t.text));
  const name = /^[\p{Lu}\d]{2,}|^\S*\d/u.test(text) || (first !== undefined && isName(first));
  const body = name ? text : text.charAt(0).toLowerCase() + text.slice(1);
  if (!s.tokens.some((t) => t.tags.has("Verb"))) return `The candidate described ${body}`;
  return `The candidate ${s.clauses.some((c) => c.past) ? "described how" : "said that"} ${body}`;
}

const isName = (t: Sentence["tokens"][number]) =>
  ["ProperNoun", "Person", "Place", "Organization", "Acronym"].some((tag) => t.tags.has(tag));

/** A sentence in committee prose; a reflection is marked as the candidate's own view. */
function phrase(s: Sentence, role: "plain" | "reflection", nameCandidate: boolean): string {
  const to = cut(s);
  const text = render(s, { nameCandidate: role === "plain" && nameCandidate, to });
  const shortened = to < s.tokens.length ? text.replace(/[.!?]$/, "") + " …" : text;
  if (role !== "reflection") return shortened;
  const body = shortened.replace(OPENERS, "");
  return `On reflection, the candidate said that ${body.charAt(0).toLowerCase()}${body.slice(1)}`;
}
const OPENERS =
  /^(?:(?:looking back|in hindsight|in retrospect|on reflection|honestly|to be honest|if they are honest|they (?:think|guess|suppose|feel)(?: that)?)[,\s]*)+/i;

// Long spoken sentences are cut at a clause boundary, never inside a figure.
function cut(s: Sentence): number {
  const max = s.figures.length > 0 ? MAX_SENTENCE_WORDS * 1.5 : MAX_SENTENCE_WORDS;
  if (s.words <= max) return s.tokens.length;
  let end = s.tokens.length;
  for (const c of s.clauses) {
    if (c.end > max) break;
    end = c.end;
  }
  return end === s.tokens.length || end < 8 ? Math.min(s.tokens.length, max) : end;
}

// The interviewer's own observations that bear on the flags: prompting, contradictions, credit.
function observations(notes: Observation[]): string {
  const relevant = notes
    .filter(
      (n) =>
        !n.biased &&
        (S.prompting(n.sentence) ||
          S.notesInconsistent(n.sentence) ||
          S.notesOverclaim(n.sentence) ||
          S.notesBlame(n.sentence)),
    )
    .slice(0, 3)
    .map((n) => `“${n.sentence.text.replace(/[.;:,]+$/, "")}”`);
  return relevant.length > 0 ? `The interviewer noted: ${list(relevant)}.` : "";
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
  const serious = flags
    .filter((f) => f.severity >= 3)
    .map((f) => getTemplates().redFlags[f.category].title.toLowerCase());
  return serious.length > 0 ? `Points for the committee to probe: ${list(serious)}.` : "";
}

/** "a, b and c" */
export const list = (items: string[]) =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
