import { z } from "zod";

const whole = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `Enter ${what}` })
    .int({ error: `Enter whole ${what}` })
    .min(min, { error: `At least ${min}` })
    .max(max, { error: `At most ${max}` });

// The admin's reminder cadence (/admin/notifications).
export const cadenceSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("save"),
      firstAfterMinutes: whole(0, 7 * 24 * 60, "minutes"),
      dailyHour: whole(0, 23, "an hour from 0 to 23"),
      workingDays: z.preprocess(
        (v) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []),
        z.array(z.coerce.number().int().min(1).max(7)).min(1, { error: "Choose at least one working day" }),
      ),
      escalateAfterDays: whole(1, 60, "days"),
    }),
  ],
  { error: "Choose what to do" },
);
export type CadenceInput = z.infer<typeof cadenceSchema>;
