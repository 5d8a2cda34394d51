import { z } from "zod";
import { scorecardContentSchema, submittableScorecardSchema } from "./scorecard.schema";

// What the scorecard page posts. Every write names the version it was based on.
const baseVersion = z.number().int().min(0);

export const scorecardActionSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("save"), baseVersion, content: scorecardContentSchema }),
  z.object({ intent: z.literal("submit"), baseVersion, content: submittableScorecardSchema }),
  z.object({
    intent: z.literal("amend"),
    baseVersion,
    content: submittableScorecardSchema,
    reason: z
      .string()
      .trim()
      .min(1, { message: "Say why you are amending a submitted scorecard" })
      .max(2000, { message: "Reason is too long: at most 2,000 characters" }),
  }),
]);
export type ScorecardAction = z.infer<typeof scorecardActionSchema>;
