import { TZDate } from "@date-fns/tz";
import { format, formatDistanceStrict } from "date-fns";

// Dates are shown in the interview's own time zone, named, so a panel across zones agrees.
export function formatWhen(iso: string, timeZone: string): string {
  return `${format(new TZDate(iso, timeZone), "EEE d MMM yyyy, HH:mm")} (${timeZone})`;
}

export function formatDay(iso: string | Date): string {
  return format(new Date(iso), "d MMM yyyy");
}

export function ageOf(iso: string, now: Date): string {
  return formatDistanceStrict(new Date(iso), now);
}

export const STAGE_LABEL: Record<string, string> = { "phone-screen": "Phone screen", onsite: "Onsite", final: "Final" };
