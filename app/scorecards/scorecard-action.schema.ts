import { z } from "zod";
import type { FormResult } from "~/ui/form-result";
import { scorecardContentSchema, submittableScorecardSchema, type ScorecardContent } from "./scorecard.schema";

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

// What the endpoint answers, as the browser reads it (dates arrive as ISO strings). A conflict
// carries the newer version it lost to, so the page can show both and let the interviewer merge.
export type SavedVersion = { version: number; savedAt: string; status: "draft" | "submitted"; revision: number };
export type CurrentVersion = { version: number; status: string; content: ScorecardContent };
export type ScorecardReply = FormResult<{ saved: SavedVersion }, { current: CurrentVersion }>;
