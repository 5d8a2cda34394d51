import { COMPETENCIES, LEVELS, NOT_ASSESSED, RECOMMENDATIONS } from "./rubric";
import type { QuestionAnswer, ScorecardContent } from "./scorecard.schema";

export type Side = "mine" | "theirs";
// One field that differs between this tab and the version saved elsewhere, in words.
export type FieldDiff = { key: string; label: string; mine: string; theirs: string };

type Accessor = {
  key: string;
  label: string;
  get(c: ScorecardContent): unknown;
  set(target: ScorecardContent, source: ScorecardContent): void;
};

const EMPTY = "(empty)";
const levelWord = (v: unknown) =>
  v === null ? EMPTY : v === NOT_ASSESSED ? "Not assessed" : (LEVELS.find((l) => l.id === v)?.label ?? String(v));
const words = (v: unknown): string => {
  if (v === undefined) return "(not on this version)";
  if (v === null || v === "") return EMPTY;
  if (Array.isArray(v))
    return v.length
      ? v.map((item) => (typeof item === "string" ? `• ${item}` : JSON.stringify(item))).join("\n")
      : EMPTY;
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
};

const answerOf = (c: ScorecardContent, questionId: string) => c.answers.find((a) => a.questionId === questionId);

function answerAccessors(mine: ScorecardContent, theirs: ScorecardContent): Accessor[] {
  const ids = [...new Set([...theirs.answers, ...mine.answers].map((a) => a.questionId))];
  return ids.flatMap((id): Accessor[] => {
    const title = (answerOf(theirs, id) ?? answerOf(mine, id))!.question || "Your own question";
    if (!answerOf(mine, id) || !answerOf(theirs, id)) {
      // On one side only: the whole question is the choice.
      return [
        {
          key: `answers.${id}`,
          label: `Question “${title}”`,
          get: (c) =>
            answerOf(c, id) ? `${answerOf(c, id)!.notes}\n${answerOf(c, id)!.answer}`.trim() || EMPTY : undefined,
          set: (target, source) => {
            const kept = answerOf(source, id);
            target.answers = kept ? [...target.answers, kept] : target.answers.filter((a) => a.questionId !== id);
          },
        },
      ];
    }
    return (["question", "notes", "answer"] as const).map((field) => ({
      key: `answers.${id}.${field}`,
      label: `“${title}”: ${field === "answer" ? "candidate's answer" : field === "notes" ? "your notes" : "question"}`,
      get: (c) => answerOf(c, id)![field],
      set: (target, source) => {
        target.answers = target.answers.map(
          (a): QuestionAnswer => (a.questionId === id ? { ...a, [field]: answerOf(source, id)![field] } : a),
        );
      },
    }));
  });
}

const copy = <K extends keyof ScorecardContent>(key: K, label: string): Accessor => ({
  key,
  label,
  get: (c) => c[key],
  set: (target, source) => {
    target[key] = source[key];
  },
});

function accessors(mine: ScorecardContent, theirs: ScorecardContent): Accessor[] {
  return [
    ...answerAccessors(mine, theirs),
    copy("notes", "General notes"),
    ...COMPETENCIES.map(
      (c): Accessor => ({
        key: `ratings.${c.id}`,
        label: `Rating: ${c.label}`,
        get: (content) => levelWord(content.ratings[c.id]),
        set: (target, source) => {
          target.ratings = { ...target.ratings, [c.id]: source.ratings[c.id] };
        },
      }),
    ),
    {
      ...copy("recommendation", "Overall recommendation"),
      get: (c) => RECOMMENDATIONS.find((r) => r.id === c.recommendation)?.label ?? null,
    },
    copy("level", "Level recommendation"),
    copy("summary", "Formal summary"),
    copy("strengths", "Strengths"),
    copy("improvements", "Areas for improvement"),
    copy("followUps", "Probing follow-up questions"),
    copy("redFlags", "Red flags"),
  ];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

// Every field, ratings included; only those that differ are listed.
export function conflictDiffs(mine: ScorecardContent, theirs: ScorecardContent): FieldDiff[] {
  return accessors(mine, theirs)
    .filter((a) => !same(a.get(mine), a.get(theirs)))
    .map((a) => ({ key: a.key, label: a.label, mine: words(a.get(mine)), theirs: words(a.get(theirs)) }));
}

// The version saved elsewhere, with this tab's value taken only where the interviewer chose it.
export function mergeContent(
  mine: ScorecardContent,
  theirs: ScorecardContent,
  choices: Record<string, Side>,
): ScorecardContent {
  const merged: ScorecardContent = structuredClone(theirs);
  for (const accessor of accessors(mine, theirs)) {
    if (choices[accessor.key] === "mine") accessor.set(merged, mine);
  }
  return merged;
}
