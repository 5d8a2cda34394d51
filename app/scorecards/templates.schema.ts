import { z } from "zod";
import {
  COMPETENCY_IDS,
  HIRING_LEVELS,
  LEVEL_IDS,
  QUESTION_KINDS,
  RECOMMENDATION_IDS,
  RED_FLAG_CATEGORIES,
} from "./rubric";

// Schemas for the editable files in templates/. Browser-safe (no node imports): the admin kit
// editor validates with `kitSchema` too. Objects are strict so a misspelt field is an error
// instead of being dropped; maps keyed by a rubric.ts id must name every id exactly once.

const text = z.string().trim().min(1, { error: "must not be empty" });

const textList = z
  .array(text, { error: (iss) => (iss.input === undefined ? undefined : "expected a list of strings") })
  .min(1, { error: "must list at least one item" });

function idOf<const T extends readonly [string, ...string[]]>(ids: T, noun: string) {
  return z.enum(ids, {
    error: (iss) =>
      typeof iss.input === "string"
        ? `unknown ${noun} ${JSON.stringify(iss.input)} (expected one of: ${ids.join(", ")})`
        : undefined,
  });
}

const competencyId = idOf(COMPETENCY_IDS, "competency id");

const description = z.strictObject({ description: text });

export const rubricSchema = z.strictObject({
  competencies: z.record(
    competencyId,
    z.strictObject({ description: text, levels: z.record(idOf(LEVEL_IDS, "level id"), text) }),
  ),
  recommendations: z.record(idOf(RECOMMENDATION_IDS, "recommendation id"), description),
  hiringLevels: z.record(idOf(HIRING_LEVELS, "hiring level"), description),
});
export type Rubric = z.infer<typeof rubricSchema>;

export const redFlagDefinitionSchema = z.strictObject({
  title: text,
  meaning: text,
  evidence: text,
  // Shown to the candidate/interviewer when the flag is raised and nobody wrote a better one.
  suggestion: text,
});
export type RedFlagDefinition = z.infer<typeof redFlagDefinitionSchema>;

export const redFlagTaxonomySchema = z.record(idOf(RED_FLAG_CATEGORIES, "red-flag category"), redFlagDefinitionSchema);
export type RedFlagTaxonomy = z.infer<typeof redFlagTaxonomySchema>;

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "must be a lowercase slug such as difficult-customer" });

export const kitQuestionSchema = z.strictObject({
  id: slug,
  prompt: text,
  kind: idOf(QUESTION_KINDS, "question kind"),
  competencies: z.array(competencyId).min(1, { error: "must list at least one competency" }),
  frameworks: textList,
  lookFor: textList,
  keyPoints: textList,
  commonMistakes: textList,
  timeBoxMinutes: z
    .number()
    .int({ error: "must be a whole number of minutes" })
    .min(1, { error: "must be between 1 and 60 minutes" })
    .max(60, { error: "must be between 1 and 60 minutes" }),
  // Where the question came from (a seed question bank, a colleague); shown to admins only.
  source: text.optional(),
});
export type KitQuestion = z.infer<typeof kitQuestionSchema>;

export const kitSchema = z
  .strictObject({
    id: slug,
    title: text,
    version: z.number().int({ error: "must be a whole number" }).min(1, { error: "must be 1 or more" }),
    // null: the kit suits any role.
    position: text.nullable(),
    questions: z.array(kitQuestionSchema).min(1, { error: "must list at least one question" }),
  })
  .superRefine((kit, ctx) => {
    const firstAt = new Map<string, number>();
    kit.questions.forEach((question, index) => {
      const first = firstAt.get(question.id);
      if (first === undefined) firstAt.set(question.id, index);
      else
        ctx.addIssue({
          code: "custom",
          path: ["questions", index, "id"],
          message: `duplicate question id ${JSON.stringify(question.id)} (also questions[${first}].id)`,
        });
    });
  });
export type Kit = z.infer<typeof kitSchema>;

// Zod's own wording ("Invalid input: expected string, received undefined") reads poorly to an
// admin; schema-level messages still win over these. Used for the files and for YAML imports.
export function plainTypeMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code !== "invalid_type") return undefined;
  if (issue.input === undefined) return "required field is missing";
  const expected =
    issue.expected === "array" ? "a list" : issue.expected === "object" ? "a mapping of fields" : `a ${issue.expected}`;
  return `expected ${expected}, got ${describeValue(issue.input)}`;
}

function describeValue(value: unknown): string {
  if (value === null) return "nothing (null)";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping of fields";
  const shown = JSON.stringify(value);
  return `${typeof value} ${shown.length > 60 ? `${shown.slice(0, 57)}…` : shown}`;
}
