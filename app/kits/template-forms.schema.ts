import { z } from "zod";
import {
  COMPETENCIES,
  HIRING_LEVELS,
  LEVELS,
  RECOMMENDATIONS,
  RED_FLAG_CATEGORIES,
  COMPETENCY_IDS,
  LEVEL_IDS,
  RECOMMENDATION_IDS,
} from "~/scorecards/rubric";
import { redFlagTaxonomySchema, rubricSchema, type RedFlagTaxonomy, type Rubric } from "~/scorecards/templates.schema";
import { requiredText } from "~/ui/form-fields";
import { readYaml } from "./yaml-import";

// The rubric and the red-flag taxonomy as forms. Ids (competencies, levels, flag categories) are
// the code's vocabulary, so the forms edit their wording; each message names the field in words.

const wording = (message: string) => requiredText(message, 1000);
// Posted as JSON (the values are nested), so the version arrives as a number.
const baseVersion = z.number().int();

export const rubricFormSchema = z.object({
  baseVersion,
  competencies: z.record(
    z.enum(COMPETENCY_IDS),
    z.object({
      description: wording("Description: say what this competency means"),
      levels: z.record(z.enum(LEVEL_IDS), wording("Level anchor: say what an answer at this level shows")),
    }),
  ),
  recommendations: z.record(
    z.enum(RECOMMENDATION_IDS),
    z.object({ description: wording("Description: say when to choose this recommendation") }),
  ),
  hiringLevels: z.record(
    z.enum(HIRING_LEVELS),
    z.object({ description: wording("Description: say what this level means") }),
  ),
});
export type RubricFormInput = z.input<typeof rubricFormSchema>;
export type RubricFormData = z.output<typeof rubricFormSchema>;

export const redFlagsFormSchema = z.object({
  baseVersion,
  flags: z.record(
    z.enum(RED_FLAG_CATEGORIES),
    z.object({
      title: requiredText("Title: name the flag"),
      meaning: wording("Meaning: say what the flag means"),
      evidence: wording("Evidence: say what in an answer shows it"),
      suggestion: wording("Suggestion: give the advice printed with the flag"),
    }),
  ),
});
export type RedFlagsFormInput = z.input<typeof redFlagsFormSchema>;
export type RedFlagsFormData = z.output<typeof redFlagsFormSchema>;

export const rubricOfForm = ({ baseVersion: _v, ...rubric }: RubricFormData): Rubric => rubric;
export const formOfRubric = (rubric: Rubric, version: number): RubricFormInput => ({ baseVersion: version, ...rubric });
export const taxonomyOfForm = (data: RedFlagsFormData): RedFlagTaxonomy => data.flags;
export const formOfTaxonomy = (flags: RedFlagTaxonomy, version: number): RedFlagsFormInput => ({
  baseVersion: version,
  flags,
});

const COMPETENCY_LABEL = new Map<string, string>(COMPETENCIES.map((c) => [c.id, c.label]));
const LEVEL_LABEL = new Map<string, string>(LEVELS.map((l) => [l.id, l.label]));
const RECOMMENDATION_LABEL = new Map<string, string>(RECOMMENDATIONS.map((r) => [r.id, r.label]));
const FLAG_FIELD: Record<string, string> = {
  title: "Title",
  meaning: "Meaning",
  evidence: "Evidence",
  suggestion: "Suggestion",
};

export const flagLabel = (category: string) => {
  const words = category.replace(/-/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
};

// "Ownership, Meets+ level": how the form names a spot in the rubric.
export function rubricFieldName(path: readonly PropertyKey[]): string {
  const [section, id, field, level] = path.map(String);
  if (section === "competencies") {
    const name = COMPETENCY_LABEL.get(id) ?? id;
    if (field === "levels" && level) return `${name}, ${LEVEL_LABEL.get(level) ?? level} level`;
    return field ? `${name}, ${field === "description" ? "Description" : field}` : (name ?? "Competencies");
  }
  if (section === "recommendations") return `Recommendation ${RECOMMENDATION_LABEL.get(id) ?? id ?? ""}`.trim();
  if (section === "hiringLevels") return `Hiring level ${id ?? ""}`.trim();
  return section ?? "The rubric";
}

export function taxonomyFieldName(path: readonly PropertyKey[]): string {
  const [category, field] = path.map(String);
  if (!category) return "The taxonomy";
  return field ? `${flagLabel(category)}, ${FLAG_FIELD[field] ?? field}` : flagLabel(category);
}

// Every wording that differs, for the confirmation step.
export function wordingChanges(
  before: unknown,
  after: unknown,
  fieldName: (path: readonly PropertyKey[]) => string,
  path: string[] = [],
): string[] {
  if (typeof before === "object" && before && typeof after === "object" && after) {
    return Object.keys(after).flatMap((key) =>
      key === "baseVersion"
        ? []
        : wordingChanges((before as Record<string, unknown>)[key], (after as Record<string, unknown>)[key], fieldName, [
            ...path,
            key,
          ]),
    );
  }
  return String(before ?? "").trim() === String(after ?? "").trim() ? [] : [`Changed: ${fieldName(path)}`];
}

export const readRubricYaml = (text: string) => readYaml(text, rubricSchema, rubricFieldName);
export const readTaxonomyYaml = (text: string) => readYaml(text, redFlagTaxonomySchema, taxonomyFieldName);
