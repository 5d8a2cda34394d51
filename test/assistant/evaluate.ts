import type { Draft, DraftRequest } from "~/assistant/draft.schema";
import { inventedFigures } from "~/assistant/figures";
import { inputText } from "~/assistant/provider.server";
import { RED_FLAG_CATEGORIES, type QuestionKind, type RedFlagCategory } from "~/scorecards/rubric";
import type { BIAS_TOPICS } from "~/scorecards/scorecard.schema";

// The evaluation of the drafter over a labelled corpus: pure functions from cases and their
// drafts to scores, shared by `npm run assistant:eval` and the corpus test. What each check
// means is written down in test/assistant/cases/README.md; keep the two in step.

export type BiasTopic = (typeof BIAS_TOPICS)[number];

export type LabelledCase = {
  name: string;
  meta?: { occupation: string; kind: QuestionKind; shape: "standard" | "rambling" | "one-line" | "multi-question" };
  input: DraftRequest;
  expect: {
    flags: RedFlagCategory[];
    notFlags: RedFlagCategory[];
    bias: BiasTopic[];
    clean: boolean;
    summary?: { mustInclude?: string[]; reflection?: boolean };
    followUpsMention?: string[];
  };
};
export type DraftedCase = LabelledCase & { draft: Draft };

export const THRESHOLDS = { recall: 0.9, precision: 0.85 } as const;

// ---------------------------------------------------------------------------------------------
// Red flags. Recall: a case labelled with a category counts as found when the draft raises that
// category at any severity. Precision: a raise counts against the drafter only at severity ≥ 3
// on a case where the label rules the category out (a clean case, or the category in notFlags);
// a category in neither list is left to judgement and counts neither way.

export type CategoryScore = {
  category: RedFlagCategory;
  positives: number;
  truePositives: number;
  falsePositives: number;
  recall: number | null;
  precision: number | null;
  missed: string[];
  falselyRaised: string[];
};

const ruledOut = (c: LabelledCase, category: RedFlagCategory) => c.expect.clean || c.expect.notFlags.includes(category);

export function scoreCategories(results: DraftedCase[]): CategoryScore[] {
  return RED_FLAG_CATEGORIES.map((category) => {
    const positives = results.filter((r) => r.expect.flags.includes(category));
    const found = positives.filter((r) => r.draft.redFlags.some((f) => f.category === category));
    const falselyRaised = results.filter(
      (r) => ruledOut(r, category) && r.draft.redFlags.some((f) => f.category === category && f.severity >= 3),
    );
    const raisedCount = found.length + falselyRaised.length;
    return {
      category,
      positives: positives.length,
      truePositives: found.length,
      falsePositives: falselyRaised.length,
      recall: positives.length === 0 ? null : found.length / positives.length,
      precision: raisedCount === 0 ? null : found.length / raisedCount,
      missed: positives.filter((r) => !found.includes(r)).map((r) => r.name),
      falselyRaised: falselyRaised.map((r) => r.name),
    };
  });
}

/** Every flag of severity ≥ 3 on a case labelled clean. */
export function falseFlagsOnClean(results: DraftedCase[]): string[] {
  return results
    .filter((r) => r.expect.clean)
    .flatMap((r) =>
      r.draft.redFlags.filter((f) => f.severity >= 3).map((f) => `${r.name}: ${f.category} ★${f.severity}`),
    );
}

// ---------------------------------------------------------------------------------------------
// Bias. Recall over (case, expected topic) pairs; a warning whose topic the case does not expect
// is a false alarm, counted per warning.

export type BiasScore = {
  expected: number;
  found: number;
  recall: number | null;
  missed: string[];
  falseAlarms: string[];
};

export function scoreBias(results: DraftedCase[]): BiasScore {
  const expected = results.flatMap((r) => r.expect.bias.map((topic) => ({ r, topic })));
  const found = expected.filter(({ r, topic }) => r.draft.biasWarnings.some((w) => w.topic === topic));
  return {
    expected: expected.length,
    found: found.length,
    recall: expected.length === 0 ? null : found.length / expected.length,
    missed: expected.filter((e) => !found.includes(e)).map(({ r, topic }) => `${r.name}: ${topic}`),
    falseAlarms: results.flatMap((r) =>
      r.draft.biasWarnings
        .filter((w) => !r.expect.bias.includes(w.topic))
        .map((w) => `${r.name}: ${w.topic} on "${w.excerpt}"`),
    ),
  };
}

/** Figures in the prose a committee reads (summary, strengths, areas, follow-ups) that the input does not contain. */
export function inventedFigureFindings(results: DraftedCase[]): string[] {
  return results.flatMap((r) => {
    const prose = [r.draft.summary, ...r.draft.strengths, ...r.draft.improvements, ...r.draft.followUps].join("\n");
    return inventedFigures(prose, inputText(r.input)).map((f) => `${r.name}: ${f}`);
  });
}

// ---------------------------------------------------------------------------------------------
// Draft-quality checks, applied to every case's draft. Each returns a failure message or null,
// or undefined when the check does not apply to the case. `enforced` checks are asserted by the
// corpus test on the test split; the others are reported only.

export type Check = {
  id: string;
  label: string;
  enforced: boolean;
  run: (r: DraftedCase, context: SplitContext) => string | null | undefined;
};
export type SplitContext = { stock: Set<string> };

// The summary is rewritten in the third person, so spoken phrases are matched in either person
// ("let me think" may arrive as "let them think").
const WHO = "(?:I|me|my|we|us|our|they|them|their|he|him|his|she|her)";
const FILLER: RegExp[] = [
  /(?<![\p{L}])(?:[Uu]m+|[Uu]h+|[Uu]hm|[Ee]rm+|[Hh]mm+|er)(?![\p{L}])/u,
  /\byou know\b/i,
  new RegExp(`\\b${WHO} means?,`, "i"),
  /,\s*like,/i,
  // A false start: the same word twice across a comma ("they, they went").
  /(?<![\p{L}])(\p{L}+), \1(?![\p{L}])/iu,
];
// "kind of" / "sort of" is filler unless a determiner makes it a noun ("what kind of tool").
const HEDGE = /(?:^|([\p{L}']+)\s+)((?:kind|sort) of)\b/giu;
const DETERMINERS = new Set(
  "a an the what this that these those any every some which each one same no other his her their its whatever".split(
    " ",
  ),
);

const META_REMARKS: RegExp[] = [
  /\b(?:good|great|interesting|tough|hard|fair|excellent|difficult|big) question\b/i,
  new RegExp(`\\blet ${WHO} (?:think|see)\\b`, "i"),
  /\bthat(?:'s| is) a (?:tough|hard|good|big|great|difficult|tricky) one\b/i,
  new RegExp(`\\boff the top of ${WHO} head\\b`, "i"),
  new RegExp(`\\bhow (?:do|does|should|can) ${WHO} (?:put|say) (?:this|it)\\b`, "i"),
  new RegExp(`\\bwhere (?:do|does|should) ${WHO} (?:start|begin)\\b|\\bwhere (?:was|were) ${WHO}\\b`, "i"),
];

const QUOTED = /"[^"\n]*"|“[^”\n]*”/g;
const FIRST_PERSON =
  /(?<![\p{L}'’])(?:I|[Mm]y|[Mm]e|[Mm]ine|[Mm]yself|[Ww]e|[Oo]ur|[Oo]urs|[Oo]urselves|us)(?![\p{L}])/u;

// A word that marks a sentence as the candidate's reflection, unless negated just before it
// ("did not reflect", "no reflection") or just after it ("reflection: none offered").
const REFLECTION_WORD = /\breflect(?:s|ed|ing|ion|ions|ive)?\b/gi;
const NEGATION = /\b(?:no|not|never|without|little|lacks?|lacking|nor|absent|limited|fail(?:s|ed)?)\b|n't\b/i;
const NEGATION_AFTER = /^\W*(?:\w+\W+)?(?:none|absent|missing|lacking|was not|is not)\b/i;

const RATING_RESTATED = /\brat(?:ed|ing|ings)\b|Meets\+|\bStrong No\b/i;
const LOW_LEVELS = new Set(["below", "strong-no"]);

export const paragraphsOf = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);
const normalise = (q: string) =>
  q
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
const mentions = (text: string, word: string) =>
  new RegExp(`(?<![\\p{L}])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`, "iu").test(text);

export function fillerIn(text: string): string | undefined {
  for (const pattern of FILLER) {
    const m = text.match(pattern);
    if (m) return m[0];
  }
  for (const m of text.matchAll(HEDGE)) {
    if (!m[1] || !DETERMINERS.has(m[1].toLowerCase())) return m[2];
  }
  return undefined;
}

export function marksReflection(summary: string): boolean {
  for (const m of summary.matchAll(REFLECTION_WORD)) {
    const before = summary
      .slice(Math.max(0, m.index - 40), m.index)
      .split(/\s+/)
      .slice(-4)
      .join(" ");
    const after = summary.slice(m.index + m[0].length, m.index + m[0].length + 30);
    if (!NEGATION.test(before) && !NEGATION_AFTER.test(after)) return true;
  }
  return false;
}

export const CHECKS: Check[] = [
  {
    id: "filler",
    label: "summary: no spoken filler",
    enforced: true,
    run: (r) => {
      const found = fillerIn(r.draft.summary);
      return found ? `filler "${found}"` : null;
    },
  },
  {
    id: "meta-remark",
    label: "summary: no meta remarks",
    enforced: true,
    run: (r) => {
      const found = META_REMARKS.map((p) => r.draft.summary.match(p)).find(Boolean);
      return found ? `meta remark "${found[0]}"` : null;
    },
  },
  {
    id: "third-person",
    label: "summary: third person outside quotes",
    enforced: true,
    run: (r) => {
      const found = r.draft.summary.replace(QUOTED, " ").match(FIRST_PERSON);
      return found ? `first person "${found[0]}"` : null;
    },
  },
  {
    id: "must-include",
    label: "summary: keeps outcome figures verbatim",
    enforced: true,
    run: (r) => {
      const wanted = r.expect.summary?.mustInclude;
      if (!wanted?.length) return undefined;
      const missing = wanted.filter((phrase) => !r.draft.summary.toLowerCase().includes(phrase.toLowerCase()));
      return missing.length > 0 ? `missing ${missing.map((m) => `"${m}"`).join(", ")}` : null;
    },
  },
  {
    id: "paragraphs",
    label: "summary: one paragraph per question",
    enforced: true,
    run: (r) => {
      const n = r.input.questions.length;
      if (n < 2) return undefined;
      // A closing paragraph (ratings, points to probe) may follow the per-question ones.
      const found = paragraphsOf(r.draft.summary).length;
      return found === n || found === n + 1 ? null : `${found} paragraphs for ${n} questions`;
    },
  },
  {
    id: "reflection-label",
    label: "summary: reflection marked only when the candidate reflects",
    enforced: true,
    run: (r) => {
      if (r.expect.summary?.reflection !== false) return undefined;
      return marksReflection(r.draft.summary) ? "marks reflection the candidate did not offer" : null;
    },
  },
  {
    id: "reflection-kept",
    label: "summary: mentions the candidate's own reflection",
    enforced: false,
    run: (r) => {
      if (r.expect.summary?.reflection !== true) return undefined;
      return marksReflection(r.draft.summary) ? null : "does not mention the candidate's reflection";
    },
  },
  {
    id: "area-for-low-rating",
    label: "areas: at least one beside a Below/Strong No rating",
    enforced: true,
    run: (r) => {
      const low = Object.values(r.input.ratings).some((v) => v !== undefined && LOW_LEVELS.has(v));
      if (!low) return undefined;
      return r.draft.improvements.length > 0 ? null : "a Below/Strong No rating but no area for improvement";
    },
  },
  {
    id: "not-restated-ratings",
    label: "strengths/areas: not restatements of ratings",
    enforced: true,
    run: (r) => {
      const line = [...r.draft.strengths, ...r.draft.improvements].find((l) => RATING_RESTATED.test(l));
      return line ? `restates a rating: "${line}"` : null;
    },
  },
  {
    id: "follow-up-question",
    label: "follow-ups: each ends with a question mark",
    enforced: true,
    run: (r) => {
      const bad = r.draft.followUps.find((q) => !q.trim().endsWith("?"));
      return bad === undefined ? null : `not a question: "${bad}"`;
    },
  },
  {
    id: "stock-follow-ups",
    label: "follow-ups: at most one stock question",
    enforced: true,
    run: (r, { stock }) => {
      const canned = r.draft.followUps.filter((q) => stock.has(normalise(q)));
      return canned.length <= 1 ? null : `${canned.length} stock questions: ${canned.map((q) => `"${q}"`).join(" ")}`;
    },
  },
  {
    id: "follow-up-refers",
    label: "follow-ups: one refers to the answer",
    enforced: true,
    run: (r) => {
      const words = r.expect.followUpsMention;
      if (!words?.length) return undefined;
      return r.draft.followUps.some((q) => words.some((w) => mentions(q, w)))
        ? null
        : `no follow-up mentions ${words.join(" / ")}`;
    },
  },
];

// Stock questions: the three generic probes the old drafter fell back on, and any follow-up the
// drafter asks word for word in three or more different interviews of the split — a question
// that fits that many different answers refers to none of them.
const KNOWN_STOCK = [
  "What was the hardest decision you made in that situation, and why?",
  "Who else was involved, and how did you work with them?",
  "If the same situation came up tomorrow, what would you do first?",
];
const STOCK_REPEATS = 3;

export function stockFollowUps(results: DraftedCase[]): Set<string> {
  const seenIn = new Map<string, Set<string>>();
  for (const r of results) {
    for (const q of r.draft.followUps) {
      const key = normalise(q);
      seenIn.set(key, (seenIn.get(key) ?? new Set()).add(r.name));
    }
  }
  const repeated = [...seenIn].filter(([, cases]) => cases.size >= STOCK_REPEATS).map(([q]) => q);
  return new Set([...KNOWN_STOCK.map(normalise), ...repeated]);
}

export type CheckScore = { id: string; label: string; enforced: boolean; applies: number; failures: string[] };

export function runChecks(results: DraftedCase[]): CheckScore[] {
  const context: SplitContext = { stock: stockFollowUps(results) };
  return CHECKS.map((check) => {
    const outcomes = results.map((r) => ({ r, outcome: check.run(r, context) })).filter((o) => o.outcome !== undefined);
    return {
      id: check.id,
      label: check.label,
      enforced: check.enforced,
      applies: outcomes.length,
      failures: outcomes.filter((o) => o.outcome !== null).map((o) => `${o.r.name}: ${o.outcome}`),
    };
  });
}

// ---------------------------------------------------------------------------------------------

export type Evaluation = {
  cases: number;
  clean: number;
  categories: CategoryScore[];
  falseFlagsOnClean: string[];
  bias: BiasScore;
  inventedFigures: string[];
  checks: CheckScore[];
};

export function evaluate(results: DraftedCase[]): Evaluation {
  return {
    cases: results.length,
    clean: results.filter((r) => r.expect.clean).length,
    categories: scoreCategories(results),
    falseFlagsOnClean: falseFlagsOnClean(results),
    bias: scoreBias(results),
    inventedFigures: inventedFigureFindings(results),
    checks: runChecks(results),
  };
}

/** What falls short of the thresholds the corpus test asserts on the test split, one line each. */
export function shortfalls(e: Evaluation): string[] {
  const below = (score: number | null, min: number) => score !== null && score < min;
  return [
    ...e.categories
      .filter((c) => below(c.recall, THRESHOLDS.recall))
      .map(
        (c) =>
          `${c.category}: recall ${percent(c.recall)} < ${percent(THRESHOLDS.recall)} (missed ${c.missed.join(", ")})`,
      ),
    ...e.categories
      .filter((c) => below(c.precision, THRESHOLDS.precision))
      .map(
        (c) =>
          `${c.category}: precision ${percent(c.precision)} < ${percent(THRESHOLDS.precision)} (raised ★≥3 on ${c.falselyRaised.join(", ")})`,
      ),
    ...e.bias.falseAlarms.map((f) => `bias false alarm: ${f}`),
    ...e.inventedFigures.map((f) => `invented figure: ${f}`),
    ...e.checks.filter((c) => c.enforced).flatMap((c) => c.failures.map((f) => `${c.label}: ${f}`)),
  ];
}

export const percent = (x: number | null) => (x === null ? "—" : `${Math.round(100 * x)}%`);

export function formatEvaluation(title: string, e: Evaluation, details = false): string {
  const pad = (s: string | number, n: number) => String(s).padStart(n);
  const lines = [
    `${title}: ${e.cases} cases, ${e.clean} clean`,
    `  ${"category".padEnd(22)}${pad("cases", 6)}${pad("found", 7)}${pad("false", 7)}${pad("recall", 8)}${pad("precision", 11)}`,
    ...e.categories.map(
      (c) =>
        `  ${c.category.padEnd(22)}${pad(c.positives, 6)}${pad(c.truePositives, 7)}${pad(c.falsePositives, 7)}${pad(percent(c.recall), 8)}${pad(percent(c.precision), 11)}`,
    ),
    `  false flags ★≥3 on clean answers: ${e.falseFlagsOnClean.length}`,
    `  bias: recall ${percent(e.bias.recall)} (${e.bias.found}/${e.bias.expected}), false alarms ${e.bias.falseAlarms.length}`,
    `  invented figures: ${e.inventedFigures.length}`,
    `  ${"check".padEnd(62)}${pad("applies", 8)}${pad("fail", 6)}`,
    ...e.checks.map(
      (c) =>
        `  ${`${c.label}${c.enforced ? "" : " (reported)"}`.padEnd(62)}${pad(c.applies, 8)}${pad(c.failures.length, 6)}`,
    ),
  ];
  if (details) {
    lines.push(
      ...e.categories.flatMap((c) => [
        ...c.missed.map((m) => `  missed ${c.category}: ${m}`),
        ...c.falselyRaised.map((m) => `  false ${c.category} ★≥3: ${m}`),
      ]),
      ...e.falseFlagsOnClean.map((f) => `  false flag on clean: ${f}`),
      ...e.bias.missed.map((m) => `  bias missed: ${m}`),
      ...e.bias.falseAlarms.map((f) => `  bias false alarm: ${f}`),
      ...e.inventedFigures.map((f) => `  invented figure: ${f}`),
      ...e.checks.flatMap((c) => c.failures.map((f) => `  ${c.id}: ${f}`)),
    );
  }
  return lines.join("\n");
}
