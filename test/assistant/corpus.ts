import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { parseDraftInput } from "~/assistant/draft.schema";
import { inputText } from "~/assistant/provider.server";
import { QUESTION_KINDS, RED_FLAG_CATEGORIES } from "~/scorecards/rubric";
import { BIAS_TOPICS } from "~/scorecards/scorecard.schema";
import type { LabelledCase } from "./evaluate";

// Reads a split of the labelled corpus (test/assistant/cases/<split>/*.json; format in
// cases/README.md). A case that does not parse stops the run with its file and field named:
// a silently skipped case would make the scores look better than they are.

export const SPLITS = ["dev", "test"] as const;
export type Split = (typeof SPLITS)[number];

const CASES_DIR = path.join(import.meta.dirname, "cases");

const metaSchema = z.strictObject({
  occupation: z.string().min(1),
  kind: z.enum(QUESTION_KINDS),
  shape: z.enum(["standard", "rambling", "one-line", "multi-question"]),
});

const expectSchema = z
  .strictObject({
    flags: z.array(z.enum(RED_FLAG_CATEGORIES)),
    notFlags: z.array(z.enum(RED_FLAG_CATEGORIES)),
    bias: z.array(z.enum(BIAS_TOPICS)),
    clean: z.boolean(),
    summary: z
      .strictObject({
        mustInclude: z.array(z.string().min(1)).optional(),
        reflection: z.boolean().optional(),
      })
      .optional(),
    followUpsMention: z.array(z.string().min(1)).min(1).optional(),
  })
  .superRefine((e, ctx) => {
    if (e.clean && e.flags.length > 0)
      ctx.addIssue({ code: "custom", path: ["flags"], message: "a clean case expects no flags" });
    const both = e.flags.filter((f) => e.notFlags.includes(f));
    if (both.length > 0)
      ctx.addIssue({ code: "custom", path: ["notFlags"], message: `${both.join(", ")} is in both flags and notFlags` });
  });

const caseSchema = z.strictObject({ meta: metaSchema.optional(), input: z.unknown(), expect: expectSchema });

export class CorpusError extends Error {}

function where(file: string, issue: z.core.$ZodIssue, prefix: string[] = []): string {
  return `${file}: ${[...prefix, ...issue.path.map(String)].join(".")}: ${issue.message}`;
}

export function parseCase(file: string, text: string): LabelledCase {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new CorpusError(`${file}: not JSON: ${(error as Error).message}`);
  }
  const shape = caseSchema.safeParse(raw);
  if (!shape.success) throw new CorpusError(where(file, shape.error.issues[0]));
  const input = parseDraftInput(shape.data.input);
  if (!input.success) throw new CorpusError(where(file, input.error.issues[0], ["input"]));
  const expect = shape.data.expect;
  const mustInclude = expect.summary?.mustInclude ?? [];
  const source = inputText(input.data);
  const missing = mustInclude.find((phrase) => !source.includes(phrase));
  if (missing) throw new CorpusError(`${file}: expect.summary.mustInclude: "${missing}" is not verbatim in the input`);
  return { name: file.replace(/\.json$/, ""), meta: shape.data.meta, input: input.data, expect };
}

/** The cases of one split, sorted by file name; an absent folder is an empty split. */
export function loadSplit(split: Split): LabelledCase[] {
  const dir = path.join(CASES_DIR, split);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((file) => parseCase(`${split}/${file}`, fs.readFileSync(path.join(dir, file), "utf8")));
}
