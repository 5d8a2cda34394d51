import type { RedFlagCategory } from "~/scorecards/rubric";
import type { RedFlag } from "~/scorecards/scorecard.schema";
import { getTemplates } from "~/scorecards/templates.server";
import { quote, type Sentence } from "./language.server";
import type { PreparedQuestion } from "./question.server";
import * as S from "./signals.server";

// Each detector looks at one question and returns at most one finding; severity grows with how
// strong the evidence is and how often it repeats. A good answer (specific, first person,
// measured, reflective) must leave every detector at 2 or below.

export type Finding = { category: RedFlagCategory; severity: number; evidence: string[]; justification: string };
type Detector = (q: PreparedQuestion) => Finding | null;

const clamp = (n: number) => Math.max(1, Math.min(5, n));
const repeated = (base: number, hits: number) => clamp(base + Math.min(Math.max(hits - 1, 0), 2));
const texts = (sentences: Sentence[], max = 3) => sentences.slice(0, max).map((s) => quote(s.text));
const matching = (sentences: Sentence[], re: RegExp) => sentences.filter((s) => re.test(s.text));
const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);
const asksForOwnRole = (prompt: string) => /\byou(r)?\b/i.test(prompt);

const overclaiming: Detector = ({ answer, notes }) => {
  const solo = matching(answer.sentences, S.SOLO_CREDIT);
  const orgCredit = answer.sentences.filter(
    (s) => s.singular > 0 && s.plural === 0 && S.ORG_RESULT.test(s.text) && S.RESULT_VERB.test(s.text) && !S.OWN_SCOPE.test(s.text),
  );
  const noted = matching(notes.sentences, S.NOTES_OVERCLAIM);
  const hits = solo.length + orgCredit.length + noted.length;
  if (hits === 0) return null;
  const base = solo.length > 0 || noted.length > 0 ? 3 : 2;
  return {
    category: "overclaiming",
    severity: repeated(base, hits),
    evidence: texts([...solo, ...noted, ...orgCredit]),
    justification:
      solo.length > 0
        ? `The candidate credits the result to themselves alone in ${solo.length} ${plural(solo.length, "place")}, though the work described needed others.`
        : noted.length > 0
          ? "The interviewer's notes record the candidate taking credit for others' work."
          : "Company- or team-level results (revenue, NPS, renewals, churn) are credited to the candidate personally without saying what their own part was.",
  };
};

const ambiguityAvoidance: Detector = ({ prompt, answer }) => {
  const sentences = answer.sentences;
  if (sentences.length < 2) return null;
  const own = sentences.filter((s) => s.ownActions > 0).length;
  const vague = sentences.filter((s) => s.ownActions === 0 && (s.plural > 0 || s.passive));
  const hedges = sentences.reduce((n, s) => n + s.hedges.length, 0);
  const weHeavy = own <= 1 && vague.length >= 2;
  const hedged = hedges >= 3 && own <= sentences.length / 3;
  if (!weHeavy && !hedged) return null;
  const base = (own === 0 ? 3 : 2) + (asksForOwnRole(prompt) && own === 0 ? 1 : 0) + (hedges >= 3 ? 1 : 0);
  const hedgeSentences = sentences.filter((s) => s.hedges.length > 0);
  return {
    category: "ambiguity-avoidance",
    severity: clamp(base),
    evidence: texts(vague.length > 0 ? vague : hedgeSentences),
    justification: `The candidate's own part is ${own === 0 ? "never" : "barely"} stated: ${vague.length} ${plural(vague.length, "sentence")} speak of "we" or use the passive voice${hedges > 0 ? `, with ${hedges} ${plural(hedges, "hedge")} such as "${hedgeSentences[0]?.hedges[0] ?? ""}"` : ""}.`,
  };
};

const lackOfReflection: Detector = ({ kind, answer }) => {
  const refusal = matching(answer.sentences, S.NO_CHANGE);
  if (refusal.length > 0) {
    return {
      category: "lack-of-reflection",
      severity: repeated(4, refusal.length),
      evidence: texts(refusal),
      justification: "The candidate says outright that there is nothing they would change or learned.",
    };
  }
  const reflects = answer.sentences.some((s) => S.REFLECTION.test(s.text));
  // Reflection is on a story; a plan or a creed is caught as hypothetical or generic instead.
  const story = answer.sentences.some((s) => s.ownPast > 0);
  if (kind !== "behavioral" || reflects || !story || answer.words < 40) return null;
  return {
    category: "lack-of-reflection",
    severity: 2,
    evidence: texts(answer.sentences.slice(-1)),
    justification: "The story ends without a lesson, a mistake admitted or anything the candidate changed afterwards.",
  };
};

const blameShifting: Detector = ({ answer, notes }) => {
  const fair = (s: Sentence) => !S.NO_BLAME.test(s.text);
  const explicit = matching(answer.sentences, S.EXPLICIT_BLAME).filter(fair);
  const others = matching(answer.sentences, S.OTHERS_FAILED).filter((s) => fair(s) && !explicit.includes(s));
  const noted = matching(notes.sentences, S.NOTES_BLAME).filter(fair);
  const hits = explicit.length + others.length + noted.length;
  if (hits === 0) return null;
  const base = explicit.length > 0 || noted.length > 0 ? 3 : 2;
  return {
    category: "blame-shifting",
    severity: repeated(base, hits),
    evidence: texts([...explicit, ...noted, ...others]),
    justification:
      explicit.length + noted.length > 0
        ? "The problem is put on other people or circumstances, and the candidate's own part in it never appears."
        : `Colleagues, customers or other teams are described as failing in ${others.length} ${plural(others.length, "place")}, with no word on the candidate's own share.`,
  };
};

const unquantifiedImpact: Detector = ({ kind, answer }) => {
  if (kind !== "behavioral") return null;
  const claims = matching(answer.sentences, S.OUTCOME);
  // One measured outcome is enough to check the story against; a count of people is not one.
  if (claims.length === 0 || claims.some((s) => s.figures.length > 0)) return null;
  const big = claims.filter((s) => S.BIG_WORDS.test(s.text)).length;
  return {
    category: "unquantified-impact",
    severity: repeated(2 + (big > 0 ? 1 : 0), claims.length),
    evidence: texts(claims),
    justification: `The answer claims an outcome in ${claims.length} ${plural(claims.length, "sentence")} but gives no figure, baseline or other way to check it.`,
  };
};

const hypotheticalAnswer: Detector = ({ kind, answer }) => {
  if (kind !== "behavioral") return null;
  const plans = answer.sentences.filter((s) => s.conditional > 0 && !S.REFLECTION.test(s.text));
  const happened = answer.sentences.filter((s) => s.ownPast > 0 && !S.NEVER_FACED.test(s.text)).length;
  const neverFaced = matching(answer.sentences, S.NEVER_FACED);
  if (plans.length < 2 || plans.length <= happened) return null;
  const base = (happened === 0 ? 3 : 2) + (neverFaced.length > 0 ? 1 : 0);
  return {
    category: "hypothetical-answer",
    severity: repeated(base, plans.length - 1),
    evidence: texts([...neverFaced, ...plans.filter((s) => !neverFaced.includes(s))]),
    justification: `Asked what happened, the candidate describes what they would do (${plans.length} conditional ${plural(plans.length, "sentence")}) instead of a real occasion.`,
  };
};

const genericAnswer: Detector = ({ kind, answer }) => {
  const sentences = answer.sentences;
  if (sentences.length === 0) return null;
  const specifics = sentences.reduce((n, s) => n + s.figures.length + s.properNouns, 0);
  const template = matching(sentences, S.TEMPLATE);
  const story = sentences.filter((s) => s.ownPast > 0).length;
  const threshold = kind === "situational" ? 3 : 2;
  const rehearsed = template.length >= threshold && specifics <= 1;
  const thin = kind === "behavioral" && specifics === 0 && story <= 1 && answer.words >= 15;
  if (!rehearsed && !thin) return null;
  const base = 2 + (template.length >= 3 ? 1 : 0) + (specifics === 0 && template.length >= 2 ? 1 : 0);
  return {
    category: "generic-answer",
    severity: clamp(base),
    evidence: texts(template.length > 0 ? template : sentences),
    justification: `No concrete who, what or when: ${specifics === 0 ? "no names, dates or figures" : "almost no names, dates or figures"}${template.length > 0 ? `, and ${template.length} ${plural(template.length, "sentence")} describe habits or beliefs rather than one real occasion` : ""}.`,
  };
};

const inconsistency: Detector = ({ answer, notes }) => {
  const noted = matching(notes.sentences, S.NOTES_INCONSISTENT);
  const conflicts = conflictingQuantities([...answer.sentences, ...notes.sentences]);
  const hits = noted.length + conflicts.length;
  if (hits === 0) return null;
  return {
    category: "inconsistency",
    severity: repeated(3, hits),
    evidence: texts([...noted, ...conflicts.flat()], 4),
    justification:
      conflicts.length > 0
        ? "The same figure is given with different values, and nothing in the answer explains the change."
        : "The interviewer's notes record a contradiction between what the candidate said at different points.",
  };
};

// Two sentences that give one quantity (same unit, a shared word before it) different values,
// where neither speaks of a change ("from 9 to 2 hours", "dropped to").
function conflictingQuantities(sentences: Sentence[]): [Sentence, Sentence][] {
  const facts = sentences.flatMap(S.quantities).filter((q) => !q.changing);
  const pairs: [Sentence, Sentence][] = [];
  facts.forEach((a, i) => {
    for (const b of facts.slice(i + 1)) {
      const same = a.unit === b.unit && a.sentence !== b.sentence && a.context.some((w) => b.context.includes(w));
      if (same && a.value !== b.value && !pairs.some(([x, y]) => x === a.sentence && y === b.sentence)) pairs.push([a.sentence, b.sentence]);
    }
  });
  return pairs;
}

const DETECTORS: Detector[] = [
  overclaiming,
  ambiguityAvoidance,
  lackOfReflection,
  blameShifting,
  unquantifiedImpact,
  hypotheticalAnswer,
  genericAnswer,
  inconsistency,
];

/** Findings per category over every question; a pattern seen in several answers weighs more. */
export function detectRedFlags(questions: PreparedQuestion[]): RedFlag[] {
  const byCategory = new Map<RedFlagCategory, Finding[]>();
  for (const q of questions) {
    for (const detect of DETECTORS) {
      const finding = detect(q);
      if (finding) byCategory.set(finding.category, [...(byCategory.get(finding.category) ?? []), finding]);
    }
  }
  const taxonomy = getTemplates().redFlags;
  return [...byCategory.values()]
    .map((findings) => {
      const strongest = findings.reduce((a, b) => (b.severity > a.severity ? b : a));
      return {
        category: strongest.category,
        severity: clamp(strongest.severity + (findings.length > 1 ? 1 : 0)),
        justification: strongest.justification,
        evidence: [...new Set(findings.flatMap((f) => f.evidence))].slice(0, 6),
        suggestion: taxonomy[strongest.category].suggestion,
      };
    })
    .sort((a, b) => b.severity - a.severity);
}
