import { z } from "zod";
import { LIMITS, biasWarningSchema, redFlagSchema } from "~/scorecards/scorecard.schema";
import type { Draft, DraftRequest } from "./draft.schema";
import { inventedFigures } from "./figures";
import { inferKind } from "./question.server";

// Checks on a model's reply, one section at a time: a section that fails is replaced by the
// built-in drafter's, with the reason kept for the interviewer.

export type DraftSection = keyof Draft;

export function inputText(input: DraftRequest): string {
  return [input.notes, ...input.questions.flatMap((q) => [q.question, q.answer, q.notes])].join("\n");
}

const lines = z.array(z.string().min(1).max(LIMITS.line)).max(LIMITS.listItems);
// A question kind decides which flags can apply: only a behavioral question asks what happened.
const BEHAVIORAL_ONLY = new Set(["hypothetical-answer", "unquantified-impact"]);

export function validSections(reply: unknown, input: DraftRequest): { sections: Partial<Draft>; rejected: string[] } {
  const sections: Partial<Draft> = {};
  const rejected: string[] = [];
  if (typeof reply !== "object" || reply === null) return { sections, rejected: ["the reply is not a JSON object"] };
  const raw = reply as Record<string, unknown>;
  const source = inputText(input);
  const notes = [input.notes, ...input.questions.map((q) => q.notes)].join("\n");
  const behavioral = input.questions.some((q) => (q.questionKind ?? inferKind(q.question)) === "behavioral");

  type Verdict<K extends DraftSection> = { ok: Draft[K] } | { error: string };
  const check = <K extends DraftSection>(section: K, read: () => Verdict<K>) => {
    if (!(section in raw)) return rejected.push(`${section}: missing`);
    const verdict = read();
    if ("error" in verdict) rejected.push(`${section}: ${verdict.error}`);
    else sections[section] = verdict.ok;
  };

  check("summary", () => {
    const summary = z.string().min(1).max(LIMITS.summary).safeParse(raw.summary);
    if (!summary.success) return { error: "not a text of the allowed length" };
    const invented = inventedFigures(summary.data, source);
    return invented.length > 0
      ? { error: `states figures not in the input: ${invented.join(", ")}` }
      : { ok: summary.data };
  });
  for (const section of ["strengths", "improvements"] as const) {
    check(section, () => {
      const parsed = lines.safeParse(raw[section]);
      return parsed.success ? { ok: parsed.data } : { error: "not a list of short lines" };
    });
  }
  check("followUps", () => {
    const parsed = lines.min(1).safeParse(raw.followUps);
    if (!parsed.success) return { error: "not a list of questions" };
    return parsed.data.every((q) => q.trim().endsWith("?"))
      ? { ok: parsed.data }
      : { error: "a follow-up is not a question" };
  });
  check("redFlags", () => {
    const parsed = z.array(redFlagSchema).max(LIMITS.redFlags).safeParse(raw.redFlags);
    if (!parsed.success)
      return { error: `invalid at ${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message}` };
    const misquoted = parsed.data.flatMap((f) => f.evidence).find((e) => !source.includes(e));
    if (misquoted !== undefined)
      return { error: `evidence not found verbatim in the input: "${misquoted.slice(0, 60)}"` };
    const misplaced = parsed.data.find((f) => BEHAVIORAL_ONLY.has(f.category) && !behavioral);
    if (misplaced) return { error: `${misplaced.category} does not apply to a situational question` };
    return { ok: parsed.data };
  });
  check("biasWarnings", () => {
    const parsed = z.array(biasWarningSchema).max(50).safeParse(raw.biasWarnings);
    if (!parsed.success)
      return { error: `invalid at ${parsed.error.issues[0].path.join(".")}: ${parsed.error.issues[0].message}` };
    const misquoted = parsed.data.find((w) => !notes.includes(w.excerpt));
    return misquoted
      ? { error: `excerpt not found verbatim in the notes: "${misquoted.excerpt.slice(0, 60)}"` }
      : { ok: parsed.data };
  });
  return { sections, rejected };
}
