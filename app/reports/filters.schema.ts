import { z } from "zod";
import { isCalendarDate } from "~/ui/calendar";
import { INTERVIEW_STAGES } from "~/vocabulary/stages";
import { DECISION_OUTCOMES } from "~/vocabulary/decisions";
import { RECOMMENDATION_IDS, RED_FLAG_CATEGORIES } from "~/scorecards/rubric";
import { ROW_STATUSES, SORT_KEYS } from "./report";

// The report's filters as they live in the URL: one schema for the filter form (zodResolver in
// the browser) and the loader, the CSV/PDF routes and the command line (safeParse on the server).
// Every field arrives as a string; an empty one means "any".

// "none": candidates with no decision recorded yet.
export const DECISION_FILTERS = [...DECISION_OUTCOMES, "none"] as const;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

// "" and a missing field both mean "not set"; anything else must pass `schema`.
const optional = <T extends z.ZodType<unknown, string>>(schema: T) =>
  z
    .string()
    .optional()
    .transform((value) => value?.trim() || undefined)
    .pipe(schema.optional());

const day = (label: string) =>
  optional(
    z
      .string()
      .regex(DAY, { message: `${label}: use a date like 2026-03-31` })
      .refine(isCalendarDate, { message: `${label}: there is no such day` }),
  );

const uuid = (what: string) => optional(z.uuid({ message: `Unknown ${what}: choose one from the list` }));
const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  optional(z.enum(values, { message: `Unknown ${what}: choose one from the list` }));

export const reportFiltersSchema = z
  .object({
    from: day("From"),
    to: day("To"),
    position: uuid("position"),
    stage: oneOf(INTERVIEW_STAGES, "stage"),
    interviewer: uuid("interviewer"),
    recommendation: oneOf(RECOMMENDATION_IDS, "recommendation"),
    status: oneOf(ROW_STATUSES, "scorecard status"),
    redFlag: oneOf(RED_FLAG_CATEGORIES, "red-flag category"),
    decision: oneOf(DECISION_FILTERS, "decision"),
    // "all": every date, instead of the page's default of the last DEFAULT_RANGE_DAYS days.
    range: oneOf(["all"] as const, "date range"),
    sort: optional(z.enum(SORT_KEYS, { message: "Unknown column to sort by" })).transform((v) => v ?? "date"),
    dir: optional(z.enum(["asc", "desc"], { message: "Sort direction is asc or desc" })).transform((v) => v ?? "desc"),
    page: optional(
      z
        .string()
        .regex(/^[1-9]\d{0,6}$/, { message: "Page must be a whole number from 1" })
        .transform(Number),
    ).transform((v) => v ?? 1),
  })
  .superRefine((f, ctx) => {
    if (f.from && f.to && f.from > f.to)
      ctx.addIssue({ code: "custom", path: ["to"], message: "To is before From: the range is inverted" });
  });

export type ReportFilterInput = z.input<typeof reportFiltersSchema>;
export type ReportFilters = z.output<typeof reportFiltersSchema>;

// The fields the filter form edits; sort and page travel with them in the URL.
export const FILTER_FIELDS = [
  "from",
  "to",
  "position",
  "stage",
  "interviewer",
  "recommendation",
  "status",
  "redFlag",
  "decision",
  "range",
] as const;

// The page opens on the interviews of the last 90 days, today included; "All time" (range=all)
// is one click away and stays in the URL like every other filter.
export const DEFAULT_RANGE_DAYS = 90;

export function withDefaultRange(params: URLSearchParams, now: Date): URLSearchParams {
  if (params.get("from") || params.get("to") || params.get("range") === "all") return params;
  const next = new URLSearchParams(params);
  next.set("from", new Date(now.getTime() - (DEFAULT_RANGE_DAYS - 1) * 86_400_000).toISOString().slice(0, 10));
  return next;
}

// Only what is set, so a bookmarked URL stays short: defaults are left out.
export function toSearchParams(
  filters: Partial<Record<keyof ReportFilters, string | number | undefined>>,
): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === "") continue;
    if (
      (key === "sort" && value === "date") ||
      (key === "dir" && value === "desc") ||
      (key === "page" && Number(value) === 1)
    )
      continue;
    params.set(key, String(value));
  }
  return params;
}
