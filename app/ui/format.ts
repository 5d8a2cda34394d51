import { TZDate } from "@date-fns/tz";
import { format, formatDistanceStrict } from "date-fns";

// The one way a moment is written. Always in a time zone passed in (the viewer's, from their
// profile, or the interview's), never the process's or the browser's own, so the server's render
// and the browser's hydration print the same text; the zone is named wherever a time is shown.
type Moment = Date | string;

const inZone = (value: Moment, timeZone: string) => new TZDate(new Date(value).getTime(), timeZone);

export function formatDateTime(value: Moment, timeZone: string): string {
  return `${format(inZone(value, timeZone), "EEE d MMM yyyy, HH:mm")} (${timeZone})`;
}

export function formatDate(value: Moment, timeZone: string): string {
  return format(inZone(value, timeZone), "d MMM yyyy");
}

export function formatTime(value: Moment, timeZone: string): string {
  return `${format(inZone(value, timeZone), "HH:mm")} (${timeZone})`;
}

export function formatAge(value: Moment, now: Date): string {
  return formatDistanceStrict(new Date(value), now);
}
