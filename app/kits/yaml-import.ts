import YAML from "yaml";
import type { z } from "zod";
import { plainTypeMessage } from "~/scorecards/templates.schema";

// YAML pasted into a form: read in the browser and checked with the same schema as the files in
// templates/, the problem named the way the form names the field ("Question 2, Time box").
// A template is a few kilobytes; a runaway paste is refused before parsing.
const MAX_YAML_CHARS = 200_000;

export type YamlRead<T> = { ok: true; value: T } | { ok: false; problem: string };

export function readYaml<T>(
  text: string,
  schema: z.ZodType<T>,
  fieldName: (path: readonly PropertyKey[]) => string,
  prepare: (data: unknown) => unknown = (data) => data,
): YamlRead<T> {
  if (text.length > MAX_YAML_CHARS) return { ok: false, problem: "The YAML is too long: at most 200,000 characters" };
  const doc = YAML.parseDocument(text);
  const [error] = doc.errors;
  if (error) {
    const at = error.linePos?.[0];
    const message = error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "");
    return { ok: false, problem: `${at ? `Line ${at.line}, column ${at.col}` : "YAML"}: ${message}` };
  }
  const result = schema.safeParse(prepare(doc.toJS()), { error: plainTypeMessage });
  if (result.success) return { ok: true, value: result.data };
  const [issue, ...rest] = result.error.issues;
  const message =
    issue.code === "unrecognized_keys"
      ? `unexpected field ${issue.keys.map((k) => `"${k}"`).join(", ")}`
      : issue.message;
  const more = rest.length ? ` (and ${rest.length} more ${rest.length === 1 ? "problem" : "problems"})` : "";
  return { ok: false, problem: `${fieldName(issue.path)}: ${message}${more}` };
}

export function toYaml(value: unknown): string {
  return YAML.stringify(value, { lineWidth: 0 });
}
