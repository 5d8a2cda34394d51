import YAML from "yaml";
import { z } from "zod";
import { kitSchema, type Kit } from "~/scorecards/templates.schema";
import { requiredText } from "~/ui/form-fields";

// The kit editor is a YAML text area checked against the same schema as templates/kits/*.yaml,
// in the browser and again in the action; a problem names the spot: questions[2].lookFor.

function pathOf(segments: readonly PropertyKey[]): string {
  return (
    segments.map((s, i) => (typeof s === "number" ? `[${s}]` : `${i === 0 ? "" : "."}${String(s)}`)).join("") ||
    "(top level)"
  );
}

export function readKitYaml(text: string): { ok: true; kit: Kit } | { ok: false; problem: string } {
  const doc = YAML.parseDocument(text);
  const [error] = doc.errors;
  if (error) {
    const at = error.linePos?.[0];
    return {
      ok: false,
      problem: `${at ? `line ${at.line}, column ${at.col}` : "YAML"}: ${error.message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "")}`,
    };
  }
  // Panel numbers versions itself; a version typed into the text is replaced on save.
  const data: unknown = doc.toJS();
  const result = kitSchema.safeParse(
    data && typeof data === "object" && !Array.isArray(data) ? { version: 1, ...data } : data,
  );
  if (result.success) return { ok: true, kit: result.data };
  const [issue, ...rest] = result.error.issues;
  return {
    ok: false,
    problem: `${pathOf(issue.path)}: ${issue.message}${rest.length ? ` (and ${rest.length} more)` : ""}`,
  };
}

export const kitEditSchema = z.object({
  yaml: z
    .string()
    .max(200_000, { error: "At most 200,000 characters" })
    .superRefine((text, ctx) => {
      const read = readKitYaml(text);
      if (!read.ok) ctx.addIssue({ code: "custom", message: read.problem });
    }),
  baseVersion: z.coerce.number().int(),
});
export type KitEditInput = z.input<typeof kitEditSchema>;

export const kitCopySchema = z.object({
  newId: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: "Use a lowercase id such as support-lead" }),
  newTitle: requiredText("Give the copy a title"),
});
export type KitCopyInput = z.input<typeof kitCopySchema>;
