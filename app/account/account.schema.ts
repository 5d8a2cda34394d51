import { z } from "zod";
import { isTimeZone } from "~/ui/calendar";

// The account page's time zone, stored under its canonical name ("europe/london" → "Europe/London").
export const timeZoneSchema = z.object({
  timeZone: z
    .string()
    .trim()
    .refine(isTimeZone, { error: "Choose a time zone from the list, such as Europe/London" })
    .transform((zone) => new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions().timeZone),
});
export type TimeZoneInput = z.input<typeof timeZoneSchema>;
