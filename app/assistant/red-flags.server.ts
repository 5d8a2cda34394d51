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
const plural = (n: number, one: string, many = `${one}s`) => (n === 1 ? one : many);
const asksForOwnRole = (prompt: string) => /\byou(r)?\b/i.test(prompt);

const overclaiming: Detector = ({ answer, notes }) => {
  const solo = answer.sentences.filter((s) => S.soloCredit(s) || S.nounCredit(s) || S.cleftCredit(s));
  const orgCredit = answer.sentences.filter((s) => !solo.includes(s) && S.orgCredit(s));
  const noted = notes.sentences.filter(S.notesOverclaim);
  const hits = solo.length + orgCredit.length + noted.length;
  if (hits === 0) return null;
  const base = solo.length > 0 || noted.length > 0 ? 3 : 2;
  return {
    category: "overclaiming",
    severity: repeated(base, hits),
    evidence: texts([...solo, ...noted, ...orgCredit]),
    justification:
      solo.length > 0
        ? `The candidate credits the result to themselves alone in ${solo.length} ${plural(solo.length, "place")}, ` +
          "though the work described needed others."
        : noted.length > 0
          ? "The interviewer's notes record the candidate taking credit for others' work."
          : "A company- or team-level result is credited to the candidate personally " +
            "without saying what their own part was.",
  };
};

const ambiguityAvoidance: Detector = ({ prompt, answer, notes }) => {
  const sentences = answer.sentences;
  const prompted = notes.sentences.filter(S.prompting);
  // "I was involved in…", "I helped with…": the speaker is there, their part is not.
  const concrete = (s: Sentence) => s.ownActions > S.vagueRoles(s);
  const own = sentences.filter(concrete).length;
  const vague = sentences.filter((s) => !concrete(s) && (s.plural > 0 || s.passive || S.vagueRoles(s) > 0));
  const hedges = sentences.reduce((n, s) => n + s.hedges.length, 0);
  // Asked for their part, a one-line answer of "it got sorted between us" is the whole evasion.
  const weHeavy =
    (sentences.length >= 2 && own <= 1 && vague.length >= 2) ||
    (sentences.length === 1 && own === 0 && vague.length === 1 && asksForOwnRole(prompt));
  const hedged = sentences.length >= 2 && hedges >= 3 && own <= sentences.length / 3;
  if (!weHeavy && !hedged && prompted.length === 0) return null;
  const base =
    weHeavy || hedged ? (own === 0 ? 3 : 2) + (asksForOwnRole(prompt) && own === 0 ? 1 : 0) + (hedges >= 3 ? 1 : 0) : 2;
  const hedgeSentences = sentences.filter((s) => s.hedges.length > 0);
  return {
    category: "ambiguity-avoidance",
    severity: clamp(base + (prompted.length > 0 && (weHeavy || hedged) ? 1 : 0)),
    evidence: texts([...prompted, ...(vague.length > 0 ? vague : hedgeSentences)]),
    justification:
      weHeavy || hedged
        ? `The candidate's own part is ${own === 0 ? "never" : "barely"} stated: ` +
          `${vague.length} ${plural(vague.length, "sentence")} speak of "we" or use the passive voice` +
          (hedges > 0
            ? `, with ${hedges} ${plural(hedges, "hedge")} such as "${hedgeSentences[0]?.hedges[0] ?? ""}".`
            : ".")
        : "The interviewer's notes record that the candidate needed prompting before giving specifics.",
  };
};

const lackOfReflection: Detector = ({ kind, answer }) => {
  const refusal = answer.sentences.filter(S.noChange);
  if (refusal.length > 0) {
    return {
      category: "lack-of-reflection",
      severity: repeated(4, refusal.length),
      evidence: texts(refusal),
      justification: "The candidate says outright that there is nothing they would change or learned.",
    };
  }
  const reflects = answer.sentences.some(S.reflects);
  const blamed = answer.sentences.filter(
    (s) => S.explicitBlame(s) || (S.othersFailed(s).length > 0 && !S.dealtWith(s)),
  );
  // Reflection is on a story (the speaker's, or one told as what others did wrong); a plan or a
  // creed is caught as hypothetical or generic instead.
  const story =
    answer.sentences.some((s) => s.ownPast > 0) ||
    (blamed.length > 0 && answer.sentences.some((s) => s.clauses.some((c) => c.past && !c.conditional)));
  if (kind !== "behavioral" || reflects || !story || answer.words < 40) return null;
  const owned = answer.sentences.some(S.ownsFault);
  // Fault put on others with no look at one's own part is the clearest sign of it — when the story
  // is about them; others' trouble the candidate then acts on is only the situation.
  const acted = answer.sentences.filter((s) => s.ownPast > 0 && !blamed.includes(s)).length;
  const failures = blamed.reduce((n, s) => n + S.othersFailed(s).length, 0);
  const putOnOthers = blamed.some(S.explicitBlame) || failures > acted;
  return {
    category: "lack-of-reflection",
    severity: putOnOthers && !owned ? 3 : 2,
    evidence: texts(blamed.length > 0 ? blamed : answer.sentences.slice(-1)),
    justification:
      blamed.length > 0
        ? "What went wrong is put on others, and the candidate never looks at their own part or what they would change."
        : "The story ends without a lesson, a mistake admitted or anything the candidate changed afterwards.",
  };
};

const blameShifting: Detector = ({ answer, notes }) => {
  const explicit = answer.sentences.filter(S.explicitBlame);
  const others = answer.sentences.filter(
    (s) => !explicit.includes(s) && S.othersFailed(s).length > 0 && !S.ownsFault(s) && !S.dealtWith(s),
  );
  // Several others failing in one long sentence weigh as much as in several short ones.
  const failures = others.reduce((n, s) => n + S.othersFailed(s).length, 0);
  const noted = notes.sentences.filter((s) => S.notesBlame(s) && !S.ownsFault(s));
  const owned = answer.sentences.some((s) => S.ownsFault(s) || S.reflects(s));
  const hits = explicit.length + failures + noted.length;
  if (hits === 0 || (explicit.length + noted.length === 0 && owned && failures < 2)) return null;
  const base = explicit.length > 0 || noted.length > 0 || (failures >= 2 && !owned) ? 3 : 2;
  return {
    category: "blame-shifting",
    severity: repeated(base, hits),
    evidence: texts([...explicit, ...noted, ...others]),
    justification:
      explicit.length + noted.length > 0
        ? "The problem is put on other people or circumstances, and the candidate's own part in it never appears."
        : `Colleagues, customers or other teams are described as failing in ${failures} ` +
          `${plural(failures, "place")}, with no word on the candidate's own share.`,
  };
};

// One measured outcome is enough to check the story against, in the claim or beside it
// ("we poured four days late instead of seven").
const measured = (s: Sentence) =>
  s.measures.length > 0 &&
  (S.outcome(s) || /%|\b(instead of|than|compared|versus|vs|from\b.{1,40}\bto|down to|up to)\b/i.test(s.text));

const unquantifiedImpact: Detector = ({ kind, answer }) => {
  if (kind !== "behavioral") return null;
  const claims = answer.sentences.filter(S.outcome);
  if (claims.length === 0 || claims.some((s) => s.measures.length > 0) || answer.sentences.some(measured)) return null;
  const big = claims.filter(S.bigWords).length;
  return {
    category: "unquantified-impact",
    severity: repeated(2 + (big > 0 ? 1 : 0), claims.length),
    evidence: texts(claims),
    justification:
      `The answer claims an outcome in ${claims.length} ${plural(claims.length, "sentence")} ` +
      "but gives no figure, baseline or other way to check it.",
  };
};

const hypotheticalAnswer: Detector = ({ kind, answer }) => {
  if (kind !== "behavioral") return null;
  const plans = answer.sentences.filter((s) => s.conditional > 0 && !S.reflects(s));
  const happened = answer.sentences.filter((s) => s.ownPast > 0 && !S.neverFaced(s)).length;
  const neverFaced = answer.sentences.filter(S.neverFaced);
  const planned = plans.length >= 2 || (plans.length === 1 && answer.sentences.length <= 2);
  if (!planned || plans.length <= happened) return null;
  const base = (happened === 0 ? 3 : 2) + (neverFaced.length > 0 ? 1 : 0);
  return {
    category: "hypothetical-answer",
    severity: repeated(base, plans.length - 1),
    evidence: texts([...neverFaced, ...plans.filter((s) => !neverFaced.includes(s))]),
    justification:
      "Asked what happened, the candidate describes what they would do " +
      `(${plans.length} conditional ${plural(plans.length, "sentence")}) instead of a real occasion.`,
  };
};

const genericAnswer: Detector = ({ kind, answer }) => {
  const sentences = answer.sentences;
  if (sentences.length === 0) return null;
  const specifics = sentences.reduce((n, s) => n + s.figures.length + s.properNouns, 0);
  const template = sentences.filter(S.template);
  const story = sentences.filter((s) => s.ownPast > 0).length;
  const threshold = kind === "situational" ? 3 : 2;
  const rehearsed = template.length >= threshold && specifics <= 1;
  const thin = kind === "behavioral" && specifics === 0 && story <= 1 && answer.words >= 6;
  if (!rehearsed && !thin) return null;
  const base = 2 + (template.length >= 3 ? 1 : 0) + (specifics === 0 && template.length >= 2 ? 1 : 0);
  return {
    category: "generic-answer",
    severity: clamp(base),
    evidence: texts(template.length > 0 ? template : sentences),
    justification:
      "No concrete who, what or when: " +
      (specifics === 0 ? "no names, dates or figures" : "almost no names, dates or figures") +
      (template.length > 0
        ? `, and ${template.length} ${plural(template.length, "sentence")} ` +
          "describe habits or beliefs rather than one real occasion."
        : "."),
  };
};

const inconsistency: Detector = ({ answer, notes }) => {
  const noted = notes.sentences.filter(S.notesInconsistent);
  const conflicts = conflictingQuantities(answer.sentences, notes.sentences);
  const hits = noted.length + conflicts.length;
  if (hits === 0) return null;
  return {
    category: "inconsistency",
    severity: repeated(3, hits),
    evidence: texts([...new Set([...noted, ...conflicts.flat()])], 4),
    justification:
      conflicts.length > 0
        ? "The same quantity is given with different values, and nothing in the answer explains the change."
        : "The interviewer's notes record a contradiction between what the candidate said at different points.",
  };
};

// Two sentences that give one quantity (same unit, a shared word before it) different values,
// where neither speaks of a change ("from 9 to 2 hours", "dropped to").
// A year is compared only between a note and the answer: within one story years follow each other.
function conflictingQuantities(answer: Sentence[], notes: Sentence[]): [Sentence, Sentence][] {
  const facts = [...answer, ...notes].flatMap(S.quantities).filter((q) => !q.changing);
  const pairs: [Sentence, Sentence][] = [];
  const inNotes = (q: S.Quantity) => notes.includes(q.sentence);
  facts.forEach((a, i) => {
    for (const b of facts.slice(i + 1)) {
      const same =
        a.unit === b.unit &&
        a.sentence !== b.sentence &&
        (a.unit !== S.YEAR || inNotes(a) !== inNotes(b)) &&
        a.context.some((w) => b.context.includes(w));
      if (same && a.value !== b.value && !pairs.some(([x, y]) => x === a.sentence && y === b.sentence))
        pairs.push([a.sentence, b.sentence]);
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
  const flags = [...byCategory.values()]
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
  // A mild signal beside a serious one is noise to the committee: keep it only when it is all there is.
  // No reflection stays beside the rest: a story with no look back is the committee's first question.
  const diffuse = new Set<RedFlagCategory>(["unquantified-impact", "generic-answer", "ambiguity-avoidance"]);
  return flags[0]?.severity >= 3 ? flags.filter((f) => f.severity >= 3 || !diffuse.has(f.category)) : flags;
}
