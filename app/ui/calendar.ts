import { isValid, parse } from "date-fns";

// Typed dates and times must name a real day and a real time of day: "0000-00-00",
// "2026-02-31" or "99:99" would otherwise roll over into some other moment when stored.
const REFERENCE = new Date(2000, 0, 1);
export const DATE_RANGE = { from: 1900, to: 2999 } as const;

export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  return year >= DATE_RANGE.from && year <= DATE_RANGE.to && isValid(parse(value, "yyyy-MM-dd", REFERENCE));
}

export function isClockTime(value: string): boolean {
  return /^\d{2}:\d{2}$/.test(value) && isValid(parse(value, "HH:mm", REFERENCE));
}

// A zone name the platform knows ("Europe/London", also as "europe/london"), as the server and
// the browser both check it.
export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}
