import { z } from "zod";
import { HIRING_LEVELS } from "~/scorecards/rubric";
import { idempotencyKey, optionalText, requiredText } from "~/ui/form-fields";
import { intentOr } from "~/ui/intents";

// The fields of one candidate, shared by the form and each row of a CSV import.
export const candidateFields = z.object({
  name: requiredText("Enter the candidate's name"),
  email: z.email({ error: "Enter a valid email address" }).max(320),
  levelApplied: z
    .union([z.literal(""), z.enum(HIRING_LEVELS)], { error: `Level must be one of: ${HIRING_LEVELS.join(", ")}` })
    .default(""),
  source: optionalText(),
  cvUrl: z
    .union([z.literal(""), z.url({ protocol: /^https?$/, error: "The CV link must be an http(s) address" })])
    .default(""),
});

export const candidateSchema = candidateFields.extend({ positionId: z.uuid({ error: "Choose a position" }) });
export const newCandidateSchema = candidateSchema.extend({ idempotencyKey });
export type CandidateData = z.output<typeof candidateSchema>;
// The form's values: the new-candidate form also carries its one-time key.
export type CandidateFormValues = z.input<typeof candidateSchema> & { idempotencyKey?: string };

// What the edit page posts: the candidate's details, or archiving/restoring them.
export const candidateActionSchema = z.preprocess(
  intentOr("save"),
  z.discriminatedUnion("intent", [
    candidateSchema.extend({ intent: z.literal("save") }),
    z.object({ intent: z.literal("archive") }),
    z.object({ intent: z.literal("restore") }),
  ]),
);
export type CandidateAction = z.output<typeof candidateActionSchema>;
