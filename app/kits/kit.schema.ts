import { z } from "zod";
import { kitSchema, type Kit } from "~/scorecards/templates.schema";
import { readYaml, toYaml, type YamlRead } from "./yaml-import";

// A kit as YAML, for those who keep kits in files: exported from the kit page, imported into the
// kit form (which then asks for a confirmation like any other change).

const QUESTION_FIELDS: Record<string, string> = {
  id: "Question id",
  prompt: "Prompt",
  kind: "Kind",
  competencies: "Competencies",
  timeBoxMinutes: "Time box (minutes)",
  frameworks: "Frameworks",
  lookFor: "What to look for",
  keyPoints: "Key points",
  commonMistakes: "Common mistakes",
  source: "Source",
};
const KIT_FIELDS: Record<string, string> = {
  id: "Kit id",
  title: "Title",
  position: "Position",
  questions: "Questions",
};

function kitFieldName([top, index, field]: readonly PropertyKey[]): string {
  if (top === undefined) return "The kit";
  if (top !== "questions" || typeof index !== "number") return KIT_FIELDS[String(top)] ?? String(top);
  const question = `Question ${index + 1}`;
  return field === undefined ? question : `${question}, ${QUESTION_FIELDS[String(field)] ?? String(field)}`;
}

// Panel numbers versions itself: a version in the text is ignored.
export function readKitYaml(text: string): YamlRead<Kit> {
  return readYaml(text, kitSchema, kitFieldName, (data) =>
    data && typeof data === "object" && !Array.isArray(data) ? { ...data, version: 1 } : data,
  );
}

export function kitAsYaml(kit: Kit): string {
  const { version: _version, ...rest } = kit;
  return toYaml(rest);
}

// The kit page's buttons. One intent today; more join the union.
export const kitPageActionSchema = z.discriminatedUnion("intent", [z.object({ intent: z.literal("duplicate") })]);
export type KitPageAction = z.output<typeof kitPageActionSchema>;
