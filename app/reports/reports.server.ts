import type { Kysely } from "kysely";
import { z } from "zod";
import { appendAudit } from "~db/queries/audit";
import {
  countRecentExports,
  countReportRows,
  feedbackByInterviewer,
  findCandidateNames,
  findUserNames,
  listCalibrationCards,
  listInterviewerOptions,
  listOverdue,
  listPositionOptions,
  listReportPage,
  reportTotals,
  type ReportQueryFilters,
  type ReportRow,
} from "~db/queries/reports";
import type { DB } from "~db/schema";
import { feedbackDeadline } from "~/scorecards/feedback-status";
import { STAGE_LABELS } from "~/vocabulary/stages";
import { OUTCOME_LABELS } from "~/vocabulary/decisions";
import { COMPETENCY_IDS, LEVEL_IDS, RECOMMENDATION_IDS, recommendationOf } from "~/scorecards/rubric";
import { redFlagTitles } from "~/scorecards/scorecard.server";
import { calibrate } from "./calibration";
import { reportFiltersSchema, type ReportFilters } from "./filters.schema";
import { PAGE_SIZE, ROW_STATUS_LABELS, ZIP_CANDIDATE_LIMIT } from "./report";

// The recruiter report: filters from the URL checked against what exists, then the summary,
// feedback tracking, calibration and one page of rows, all over the same filtered interviews.

export type FilterErrors = Partial<Record<keyof ReportFilters | "form", string>>;
export type ReportOptions = Awaited<ReturnType<typeof reportOptions>>;

export async function reportOptions(db: Kysely<DB>) {
  const [positions, interviewers] = await Promise.all([listPositionOptions(db), listInterviewerOptions(db)]);
  return { positions, interviewers, redFlagTitles: redFlagTitles() };
}

export type ParsedQuery = { ok: true; filters: ReportFilters } | { ok: false; errors: FilterErrors };

// Shape first (zod), then existence: a well-formed id naming no position is as wrong as "abc".
export function parseReportQuery(params: URLSearchParams, options: ReportOptions): ParsedQuery {
  const result = reportFiltersSchema.safeParse(Object.fromEntries(params));
  const errors: FilterErrors = {};
  if (!result.success) {
    for (const issue of result.error.issues) errors[(issue.path[0] as keyof ReportFilters) ?? "form"] ??= issue.message;
    return { ok: false, errors };
  }
  const f = result.data;
  if (f.position && !options.positions.some((p) => p.id === f.position))
    errors.position = "Unknown position: choose one from the list";
  if (f.interviewer && !options.interviewers.some((u) => u.id === f.interviewer))
    errors.interviewer = "Unknown interviewer: choose one from the list";
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, filters: f };
}

// Dates are whole days in UTC, "to" included.
export function queryFilters(f: ReportFilters): ReportQueryFilters {
  const day = (value: string, plusDays = 0) => new Date(Date.parse(`${value}T00:00:00Z`) + plusDays * 86_400_000);
  return {
    from: f.from ? day(f.from) : undefined,
    to: f.to ? day(f.to, 1) : undefined,
    position: f.position,
    stage: f.stage,
    interviewer: f.interviewer,
    recommendation: f.recommendation,
    status: f.status,
    redFlag: f.redFlag,
    decision: f.decision,
  };
}

export async function reportSummary(db: Kysely<DB>, filters: ReportFilters, now: Date) {
  const { recommendations, ...totals } = await reportTotals(db, queryFilters(filters), now, RECOMMENDATION_IDS);
  return { ...totals, recommendations: RECOMMENDATION_IDS.map((id, i) => ({ id, count: recommendations[i] })) };
}
export type ReportSummary = Awaited<ReturnType<typeof reportSummary>>;

export const OVERDUE_LIST_LIMIT = 50;

export async function feedbackTracking(db: Kysely<DB>, filters: ReportFilters, now: Date) {
  const q = queryFilters(filters);
  const [late, byInterviewer] = await Promise.all([
    listOverdue(db, q, now, OVERDUE_LIST_LIMIT),
    feedbackByInterviewer(db, q, now),
  ]);
  const overdue = late.map((row) => ({
    ...row,
    // How long past the deadline, in whole hours: what a recruiter chases by.
    hoursOverdue: Math.floor(
      (now.getTime() -
        feedbackDeadline({ scheduledAt: row.scheduled_at, durationMinutes: row.duration_minutes }).getTime()) /
        3600_000,
    ),
  }));
  return { overdue, byInterviewer };
}
export type FeedbackTracking = Awaited<ReturnType<typeof feedbackTracking>>;

export async function calibration(db: Kysely<DB>, filters: ReportFilters, now: Date) {
  const cards = await listCalibrationCards(db, queryFilters(filters), now, COMPETENCY_IDS, LEVEL_IDS);
  // Names only for the raters shown, rather than one per scorecard read.
  const names = new Map(
    (await findUserNames(db, [...new Set(cards.filter((c) => c.in_view).map((c) => c.interviewer_id))])).map((u) => [
      u.id,
      u.name,
    ]),
  );
  return calibrate(
    cards.map((c) => ({
      candidateId: c.candidate_id,
      interviewerId: c.interviewer_id,
      interviewerName: names.get(c.interviewer_id) ?? "",
      // One rank digit per competency, in COMPETENCY_IDS order; 0 is no rating.
      ratings: Object.fromEntries(COMPETENCY_IDS.map((id, k) => [id, LEVEL_IDS[Number(c.ranks[k]) - 1] ?? null])),
      recommendation: c.recommendation,
      inView: c.in_view,
    })),
  );
}

export async function reportPage(db: Kysely<DB>, filters: ReportFilters, now: Date) {
  const q = queryFilters(filters);
  const sort = { key: filters.sort, dir: filters.dir, recommendationOrder: RECOMMENDATION_IDS };
  // The count and the page side by side: a page past the end simply comes back empty.
  const [total, rows] = await Promise.all([
    countReportRows(db, q, now),
    listReportPage(db, q, now, sort, { limit: PAGE_SIZE, offset: (filters.page - 1) * PAGE_SIZE }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (filters.page > pages)
    return { total, pages, rows: [] as ReportRow[], error: `Page ${filters.page} is past the last page (${pages})` };
  return { total, pages, rows, error: null };
}

// The parts are independent: on PostgreSQL they run on separate pooled connections at once; on
// PGlite the dialect queues them on its one connection.
export async function loadReport(db: Kysely<DB>, filters: ReportFilters, now: Date) {
  const [summary, feedback, raters, page] = await Promise.all([
    reportSummary(db, filters, now),
    feedbackTracking(db, filters, now),
    calibration(db, filters, now),
    reportPage(db, filters, now),
  ]);
  return { summary, feedback, calibration: raters, page };
}

export type ExportFormat = "csv" | "pdf" | "zip";
const EXPORTS_PER_MINUTE = 20;

// Every export leaves a row: who, when (the row's time), in what format, with which filters, how many rows.
export async function recordExport(
  db: Kysely<DB>,
  actorId: string | null,
  details: { format: ExportFormat; filters: Record<string, unknown>; rows: number; via?: "cli" },
): Promise<void> {
  await appendAudit(db, { actorId, action: "report.export", subjectType: "report", details });
}

// Exports read the whole table; a script in a loop should not be able to hog the database.
// Thrown as a Response, like the guards it runs next to.
export async function requireExportAllowance(db: Kysely<DB>, actorId: string, now: Date): Promise<void> {
  const recent = await countRecentExports(db, actorId, new Date(now.getTime() - 60_000));
  if (recent >= EXPORTS_PER_MINUTE) {
    throw new Response(`At most ${EXPORTS_PER_MINUTE} exports a minute: wait a moment and try again.`, {
      status: 429,
      headers: { "Retry-After": "60" },
    });
  }
}

// The filters as the audit row and the PDF state them: only what is set.
export function describeFilters(f: ReportFilters): Record<string, string> {
  const { sort: _sort, dir: _dir, page: _page, ...rest } = f;
  return Object.fromEntries(
    Object.entries(rest).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

export type ReportData = Awaited<ReturnType<typeof loadReport>>;

// A download's filters: the same schema and checks as the page; a bad one is a 400 that says why.
export async function requireExportFilters(db: Kysely<DB>, params: URLSearchParams): Promise<ReportFilters> {
  const parsed = parseReportQuery(params, await reportOptions(db));
  if (parsed.ok) return parsed.filters;
  throw new Response(`The report filters are not valid: ${Object.values(parsed.errors).join("; ")}.`, { status: 400 });
}

export async function countRows(db: Kysely<DB>, filters: ReportFilters, now: Date): Promise<number> {
  return countReportRows(db, queryFilters(filters), now);
}

// "report-2026-11-23.csv": the day the export was made.
export function exportFileName(now: Date, extension: "csv" | "pdf" | "zip"): string {
  return `${extension === "zip" ? "packets" : "report"}-${now.toISOString().slice(0, 10)}.${extension}`;
}

// The filters in words, for the PDF's first page.
export function labelFilters(f: ReportFilters, options: ReportOptions): Record<string, string> {
  const labels: Record<string, string | undefined> = {
    From: f.from,
    To: f.to,
    Position: f.position && options.positions.find((p) => p.id === f.position)?.title,
    Stage: f.stage && STAGE_LABELS[f.stage],
    Interviewer: f.interviewer && options.interviewers.find((u) => u.id === f.interviewer)?.name,
    Scorecard: f.status && ROW_STATUS_LABELS[f.status],
    Recommendation: f.recommendation && recommendationOf(f.recommendation).label,
    "Red flag": f.redFlag && (options.redFlagTitles[f.redFlag] ?? f.redFlag),
    Decision: f.decision && (f.decision === "none" ? "No decision yet" : OUTCOME_LABELS[f.decision]),
  };
  return Object.fromEntries(Object.entries(labels).filter((entry): entry is [string, string] => Boolean(entry[1])));
}

const chosenCandidates = z
  .array(z.uuid({ message: "A chosen candidate is not a candidate id" }))
  .min(1, { message: "Choose at least one candidate" })
  .max(ZIP_CANDIDATE_LIMIT, { message: `At most ${ZIP_CANDIDATE_LIMIT} candidates per ZIP` });

// The ZIP's candidates: ids, each naming a candidate, each once (a candidate has one row per interview).
export async function requireChosenCandidates(db: Kysely<DB>, values: string[]): Promise<string[]> {
  const parsed = chosenCandidates.safeParse([...new Set(values)]);
  if (!parsed.success) throw new Response(`${parsed.error.issues[0].message}.`, { status: 400 });
  const found = new Set((await findCandidateNames(db, parsed.data)).map((c) => c.id));
  if (parsed.data.some((id) => !found.has(id)))
    throw new Response("A chosen candidate does not exist.", { status: 400 });
  return parsed.data;
}
