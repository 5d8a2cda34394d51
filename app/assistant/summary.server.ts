import { COMPETENCY_IDS, LEVELS, competencyLabel, type CompetencyId } from "~/scorecards/rubric";
import { LIMITS, type RedFlag } from "~/scorecards/scorecard.schema";
import { getTemplates } from "~/scorecards/templates.server";
import type { DraftRequest } from "./draft.schema";
import type { Sentence } from "./language.server";
import { render } from "./prose.server";
import type { PreparedQuestion } from "./question.server";
import * as S from "./signals.server";

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
  const sentences = q.answer.sentences.filter((s) => !S.meta(s) && s.words >= 3);
  if (sentences.length === 0) return "";
  const chosen = new Map<Sentence, "plain" | "reflection">();
  const unused = (s: Sentence) => !chosen.has(s);
  // The outcome first (its figures must survive a tight budget), then what the candidate did,
  // the situation, and their reflection.
  // Stories end on their outcome: the last measured sentence after the opening one is it.
  const measured = sentences.filter((s) => s !== sentences[0] && s.figures.length > 0 && !S.reflects(s));
  const result =
    [...measured].reverse().find((s) => S.outcome(s) || s.ownActions === 0) ??
    measured[measured.length - 1] ??
    sentences.find((s) => s.figures.length > 0 && S.outcome(s) && !S.reflects(s)) ??
    sentences.find((s) => S.outcome(s) && !S.reflects(s));
  if (result) chosen.set(result, "plain");
  const action =
    sentences.find((s) => unused(s) && s.ownActions > 0 && s.ownPast > 0) ??
    sentences.find((s) => unused(s) && s.ownActions > 0);
  if (action) chosen.set(action, "plain");
  if (unused(sentences[0])) chosen.set(sentences[0], "plain");
  const reflection = sentences.find((s) => unused(s) && S.reflects(s));
  if (reflection) chosen.set(reflection, "reflection");
  const second = sentences.find((s) => unused(s) && s.ownPast > 0 && s.singular > 0);
  if (second) chosen.set(second, "plain");

  const intro = labelled ? `“${q.prompt.trim()}” — ` : "";
  let words = wordCount(intro);
  const kept: Sentence[] = [];
  for (const [sentence, role] of chosen) {
    const length = wordCount(phrase(sentence, role, false));
    if (words + length > budget && kept.length > 0) continue;
    kept.push(sentence);
    words += length;
  }
  kept.sort((a, b) => sentences.indexOf(a) - sentences.indexOf(b));
  let named = false;
  const ordered = kept.map((sentence) => {
    const text = phrase(sentence, chosen.get(sentence)!, !named);
    if (/the candidate/i.test(text)) named = true;
    return text;
  });
  if (ordered.length === 0) return "";
  if (!named) ordered.unshift("The candidate gave this account.");
  return intro + ordered.join(" ");
}

/** A sentence in committee prose; a reflection is marked as the candidate's own view. */
function phrase(s: Sentence, role: "plain" | "reflection", nameCandidate: boolean): string {
  const to = cut(s);
  const text = render(s, { nameCandidate: role === "plain" && nameCandidate, to });
  const shortened = to < s.tokens.length ? text.replace(/[.!?]$/, "") + " …" : text;
  if (role !== "reflection") return shortened;
  const body = shortened.replace(
    /^(Looking back|In hindsight|In retrospect|On reflection|Honestly|To be honest),?\s*/i,
    "",
  );
  return `On reflection, the candidate said that ${body.charAt(0).toLowerCase()}${body.slice(1)}`;
}

// Long spoken sentences are cut at a clause boundary, never inside a figure.
function cut(s: Sentence): number {
  if (s.words <= MAX_SENTENCE_WORDS) return s.tokens.length;
  let end = s.tokens.length;
  for (const c of s.clauses) {
    if (c.end > MAX_SENTENCE_WORDS) break;
    end = c.end;
  }
  return end === s.tokens.length || end < 8 ? Math.min(s.tokens.length, MAX_SENTENCE_WORDS) : end;
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

const list = (items: string[]) =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
const wordCount = (s: string) => s.split(/\s+/).filter(Boolean).length;
