import { z } from "zod";

// The interviewer's choice on the page the reminder's mute link opens.
export const muteSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("mute"),
      reason: z
        .string()
        .trim()
        .min(3, { error: "Say why, in a few words: the recruiter sees it" })
        .max(500, { error: "At most 500 characters" }),
    }),
  ],
  { error: "Choose what to do" },
);
export type MuteAction = z.infer<typeof muteSchema>;
