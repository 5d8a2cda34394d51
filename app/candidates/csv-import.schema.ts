import { z } from "zod";
import { idempotencyKey } from "~/ui/form-fields";
import { intentOr } from "~/ui/intents";

export const MAX_IMPORT_BYTES = 1_000_000;
export const MAX_IMPORT_ROWS = 1000;

export const importSchema = z.object({
  positionId: z.uuid({ error: "Choose a position" }),
  csv: z
    .string()
    .trim()
    .min(1, { error: "Choose a CSV file or paste its contents" })
    .max(MAX_IMPORT_BYTES, { error: "The file is too large: at most 1 MB" }),
  idempotencyKey,
});
export type ImportInput = z.input<typeof importSchema>;
export type ImportData = z.output<typeof importSchema>;

// Preview shows every row and its problems; commit saves them all (or none).
export const importActionSchema = z.preprocess(
  intentOr("preview"),
  z.discriminatedUnion("intent", [
    importSchema.extend({ intent: z.literal("preview") }),
    importSchema.extend({ intent: z.literal("commit") }),
  ]),
);

export type PreviewRow = {
  line: number;
  name: string;
  email: string;
  levelApplied: string;
  source: string;
  cvUrl: string;
  errors: string[];
};
export type Preview = { fileError: string | null; rows: PreviewRow[]; positionError: string | null };

export const hasProblems = (preview: Preview) =>
  Boolean(preview.fileError || preview.positionError || preview.rows.some((r) => r.errors.length));
