import fc from "fast-check";
import {
  COMPETENCY_IDS,
  HIRING_LEVELS,
  LEVEL_IDS,
  NOT_ASSESSED,
  RECOMMENDATION_IDS,
  RED_FLAG_CATEGORIES,
} from "~/scorecards/rubric";
import { BIAS_TOPICS, DRAFTABLE_SECTIONS, LIMITS, type ScorecardContent } from "~/scorecards/scorecard.schema";

// Text people paste into interview notes, and text no one should: emoji (with joiners and skin
// tones), right-to-left scripts with direction marks, stacked combining marks, NUL and other
// controls, lone surrogates, lone carriage returns, and very long lines without a space.
const NASTY = [
  "👩🏽‍💻 shipped it 🚀👌",
  "🏳️‍🌈🇳🇬🇯🇵",
  "שלום, הוא אמר: \u202Eטקסט הפוך\u202C",
  "مرحبا بالعالم ١٢٣",
  "Z̷̢̛͉͓̮a̸͎̙l̴̡̺g̵̰̈́o̶̧͝",
  "e\u0301\u0302\u0303\u0304\u0305",
  "\u0000NUL\u0000",
  "\u0007\u0008\u001b[31mred\u001b[0m",
  "\uD800 lone high, lone low \uDC00",
  "line\rcarriage\r# not a heading",
  "\u2028\u2029separators",
  "# heading?\n- list?\n> quote\n```\ncode\n```\n---",
  "<script>alert(1)</script>&amp;",
  "%PDF-1.7\n%%EOF",
  "\uFEFFbom",
  "\u00A0\u2003\u3000 spaces",
  "日本語のテキストと中文文本",
  "",
  " ",
];

const piece = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
);

// A long field of exactly `length` code points (what zod 4 counts): one piece repeated, no spaces.
export const longText = (length: number) =>
  fc
    .string({ unit: "grapheme", minLength: 1, maxLength: 6 })
    .map((chunk) => chunk.replace(/\s/g, "x") || "x")
    .map((chunk) => repeatTo(chunk, length));

export function repeatTo(chunk: string, codePoints: number): string {
  const units = [...chunk];
  return Array.from({ length: codePoints }, (_, i) => units[i % units.length]).join("");
}

// Short hostile text most of the time, now and then a field at or just past the usual 50,000 limit.
export const hostileText = (long = true) =>
  long
    ? fc.oneof(
        { weight: 12, arbitrary: fc.array(piece, { maxLength: 4 }).map((parts) => parts.join("")) },
        { weight: 1, arbitrary: fc.constantFrom(LIMITS.notes, LIMITS.notes + 1).chain(longText) },
      )
    : fc.array(piece, { maxLength: 4 }).map((parts) => parts.join(""));

// Hostile text that fits a field limit, for documents built from valid scorecards.
export const fittingText = (max: number, long = true) => hostileText(long).map((t) => [...t].slice(0, max).join(""));

const lines = (max = LIMITS.line, long = true) => fc.array(fittingText(max, long), { maxLength: 4 });

// A scorecard the schema accepts, filled with hostile text.
export const scorecardContent = (long = true): fc.Arbitrary<ScorecardContent> =>
  fc.record({
    answers: fc.array(
      fc.record({
        questionId: fc.string({ maxLength: 100 }),
        question: fittingText(LIMITS.line, false),
        answer: fittingText(LIMITS.answer, long),
        notes: fittingText(LIMITS.notes, long),
      }),
      { maxLength: 3 },
    ),
    notes: fittingText(LIMITS.notes, long),
    ratings: fc.record(
      Object.fromEntries(COMPETENCY_IDS.map((id) => [id, fc.constantFrom(null, NOT_ASSESSED, ...LEVEL_IDS)])) as Record<
        (typeof COMPETENCY_IDS)[number],
        fc.Arbitrary<ScorecardContent["ratings"][(typeof COMPETENCY_IDS)[number]]>
      >,
    ),
    recommendation: fc.constantFrom(null, ...RECOMMENDATION_IDS),
    level: fc.constantFrom(null, ...HIRING_LEVELS),
    summary: fittingText(LIMITS.summary, long),
    strengths: lines(LIMITS.line, false),
    improvements: lines(LIMITS.line, false),
    redFlags: fc.array(
      fc.record({
        category: fc.constantFrom(...RED_FLAG_CATEGORIES),
        severity: fc.integer({ min: 1, max: 5 }),
        justification: fittingText(LIMITS.justification, false),
        evidence: lines(LIMITS.line, false),
        suggestion: fittingText(LIMITS.line, false),
      }),
      { maxLength: 3 },
    ),
    followUps: lines(LIMITS.line, false),
    provenance: fc.dictionary(
      fc.constantFrom(...DRAFTABLE_SECTIONS),
      fc.constantFrom("drafted" as const, "edited" as const),
    ),
    biasWarnings: fc.array(
      fc.record({
        topic: fc.constantFrom(...BIAS_TOPICS),
        excerpt: fittingText(LIMITS.line, false),
        message: fittingText(LIMITS.line, false),
      }),
      { maxLength: 2 },
    ),
  });

// Runs kept small on purpose: the whole property project must finish in under a minute on two
// busy cores. FC_RUNS raises them for a longer local hunt.
export const runs = (n: number) => ({ numRuns: Number(process.env.FC_RUNS ?? n) });
