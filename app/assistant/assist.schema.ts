import { z } from "zod";
import { LIMITS, scorecardContentSchema, type BiasWarning } from "~/scorecards/scorecard.schema";
import type { FormResult } from "~/ui/form-result";
import type { Draft } from "./draft.schema";

// What the scorecard page sends to the assistant: the form as it stands, or the text to check.
export const draftRequestSchema = z.object({ content: scorecardContentSchema });
export const biasCheckSchema = z.object({
  text: z.string().max(LIMITS.notes * 4, { message: "Text to check is too long" }),
});

// What the assistant answers, read by the hooks on the scorecard page.
export type AssistantResult = {
  draft: Draft;
  source: "built-in" | "model";
  fallbackReason?: string;
  replaced?: string[];
};
export type DraftReply = FormResult<AssistantResult>;
export type BiasReply = FormResult<{ warnings: BiasWarning[] }>;
