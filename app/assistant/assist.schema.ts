import { z } from "zod";
import { LIMITS, scorecardContentSchema } from "~/scorecards/scorecard.schema";

// What the scorecard page sends to the assistant: the form as it stands, or the text to check.
export const draftRequestSchema = z.object({ content: scorecardContentSchema });
export const biasCheckSchema = z.object({
  text: z.string().max(LIMITS.notes * 4, { message: "Text to check is too long" }),
});
