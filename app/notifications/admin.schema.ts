import { z } from "zod";

export const retrySchema = z.object({
  queue: z.enum(["mail.send", "webhook.deliver", "notifications.tick"], { error: "Choose a queue" }),
  id: z.uuid({ error: "Choose a job" }),
});

const whole = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `Enter ${what}` })
    .int({ error: `Enter whole ${what}` })
    .min(min, { error: `At least ${min}` })
    .max(max, { error: `At most ${max}` });

export const cadenceSchema = z.object({
  firstAfterMinutes: whole(0, 7 * 24 * 60, "minutes"),
  dailyHour: whole(0, 23, "an hour from 0 to 23"),
  workingDays: z.preprocess(
    (v) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []),
    z.array(z.coerce.number().int().min(1).max(7)).min(1, { error: "Choose at least one working day" }),
  ),
  escalateAfterDays: whole(1, 60, "days"),
});
export type CadenceInput = z.infer<typeof cadenceSchema>;

export const muteSchema = z.object({
  reason: z
    .string()
    .trim()
    .min(3, { error: "Say why, in a few words: the recruiter sees it" })
    .max(500, { error: "At most 500 characters" }),
});
