import { z } from "zod";
import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import {
  countRecentExports,
  countReportRows,
  feedbackByInterviewer,
  findCandidateNames,
  listCalibration,
  listInterviewerOptions,
  listOverdue,
  listPositionOptions,
  listReportPage,
  reportTotals,
  type ReportQueryFilters,
  type ReportRow,
} from "~db/queries/reports";
import type { Conn } from "~db/schema";
import { DomainError } from "~/errors.server";
import { feedbackDeadline } from "~/scorecards/feedback-status";
import { STAGE_LABELS } from "~/vocabulary/stages";
import { OUTCOME_LABELS } from "~/vocabulary/decisions";
import {
  COMPETENCY_IDS,
  LEVEL_IDS,
  RECOMMENDATIONS,
  RECOMMENDATION_IDS,
  recommendationOf,
  type LevelId,
} from "~/scorecards/rubric";
import { redFlagTitles } from "~/scorecards/scorecard.server";
import { FILTER_FIELDS, reportFiltersSchema, withDefaultRange, type ReportFilters } from "./filters.schema";
import { PAGE_SIZE, ROW_STATUS_LABELS, ZIP_CANDIDATE_LIMIT, leaningOf } from "./report";

// The recruiter report: filters from the URL checked against what exists, then the summary,
// feedback tracking, calibration and one page of rows, all over the same filtered interviews and
// all as the viewer may see them (`viewer`: whose eyes; null only on the command line).

export type FilterErrors = Partial<Record<keyof ReportFilters | "form", string>>;
export type ReportOptions = Awaited<ReturnType<typeof reportOptions>>;

export async function reportOptions(db: Conn) {
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
export function queryFilters(f: ReportFilters, viewer: string | null): ReportQueryFilters {
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
    viewer,
  };
}

export async function reportSummary(db: Conn, filters: ReportFilters, viewer: string | null, now: Date) {
  const { recommendations, ...totals } = await reportTotals(db, queryFilters(filters, viewer), now, RECOMMENDATION_IDS);
  return { ...totals, recommendations: RECOMMENDATION_IDS.map((id, i) => ({ id, count: recommendations[i] })) };
}
export type ReportSummary = Awaited<ReturnType<typeof reportSummary>>;

export const OVERDUE_LIST_LIMIT = 50;

export async function feedbackTracking(db: Conn, filters: ReportFilters, viewer: string | null, now: Date) {
  const q = queryFilters(filters, viewer);
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

const HIRE_IDS = RECOMMENDATIONS.filter((r) => r.hire).map((r) => r.id);

// Aggregated in the database (one row per rater); here only put into words.
export async function calibration(db: Conn, filters: ReportFilters, viewer: string | null, now: Date) {
  const raters = await listCalibration(db, queryFilters(filters, viewer), now, {
    competencyIds: COMPETENCY_IDS,
    levelIds: LEVEL_IDS,
    hireIds: HIRE_IDS,
  });
  return raters.map((r) => ({
    interviewerId: r.interviewer_id,
    name: r.name,
    scorecards: r.scorecards,
    distribution: Object.fromEntries(LEVEL_IDS.map((id, i) => [id, r.distribution[i]])) as Record<LevelId, number>,
    comparisons: r.comparisons,
    offset: r.offset,
    leaning: leaningOf(r.offset, r.comparisons),
    hireRate: r.recommended ? r.hires / r.recommended : null,
  }));
}
export type RaterCalibration = Awaited<ReturnType<typeof calibration>>[number];

export async function reportPage(db: Conn, filters: ReportFilters, viewer: string | null, now: Date) {
  const q = queryFilters(filters, viewer);
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
export async function loadReport(db: Conn, filters: ReportFilters, viewer: string | null, now: Date) {
  const [summary, feedback, raters, page] = await Promise.all([
    reportSummary(db, filters, viewer, now),
    feedbackTracking(db, filters, viewer, now),
    calibration(db, filters, viewer, now),
    reportPage(db, filters, viewer, now),
  ]);
  return { summary, feedback, calibration: raters, page };
}

// The Reports page: its filters as typed (the default date range when none is given), their
// errors, and the report when they are valid. Bad filters are shown beside the fields, not thrown.
export async function reportView(viewerId: string, params: URLSearchParams, now: Date) {
  const db = getDb();
  const query = withDefaultRange(params, now);
  const options = await reportOptions(db);
  const values = Object.fromEntries([...FILTER_FIELDS, "sort", "dir"].map((key) => [key, query.get(key) ?? ""]));
  const parsed = parseReportQuery(query, options);
  if (!parsed.ok) return { options, values, errors: parsed.errors, result: null };
  const report = await loadReport(db, parsed.filters, viewerId, now);
  const errors: FilterErrors = report.page.error ? { page: report.page.error } : {};
  return { options, values, errors, result: { filters: parsed.filters, report } };
}

export type ExportFormat = "csv" | "pdf" | "zip";
const EXPORTS_PER_MINUTE = 20;

// Every export leaves a row: who, when (the row's time), in what format, with which filters, how many rows.
export async function recordExport(
  db: Conn,
  actorId: string | null,
  details: { format: ExportFormat; filters: Record<string, unknown>; rows: number; via?: "cli" },
): Promise<void> {
  await appendAudit(db, { actorId, action: "report.export", subjectType: "report", details });
}

// Exports read the whole table; a script in a loop should not be able to hog the database.
async function requireExportAllowance(db: Conn, actorId: string, now: Date): Promise<void> {
  const recent = await countRecentExports(db, actorId, new Date(now.getTime() - 60_000));
  if (recent >= EXPORTS_PER_MINUTE)
    throw new DomainError("too-many", `At most ${EXPORTS_PER_MINUTE} exports a minute: wait a moment and try again.`, {
      retryAfterSeconds: 60,
    });
}

// What every download of the report does first: valid filters, within the allowance.
export async function startReportExport(db: Conn, actorId: string, params: URLSearchParams, now: Date) {
  const filters = await requireExportFilters(db, params);
  await requireExportAllowance(db, actorId, now);
  return filters;
}

// The filters as the audit row and the PDF state them: only what is set.
export function describeFilters(f: ReportFilters): Record<string, string> {
  const { sort: _sort, dir: _dir, page: _page, ...rest } = f;
  return Object.fromEntries(
    Object.entries(rest).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

// A download's filters: the same schema and checks as the page; a bad one is a 400 that says why.
async function requireExportFilters(db: Conn, params: URLSearchParams): Promise<ReportFilters> {
  const parsed = parseReportQuery(params, await reportOptions(db));
  if (parsed.ok) return parsed.filters;
  throw new DomainError("invalid", "The report filters are not valid.", { fields: parsed.errors });
}

export async function countRows(db: Conn, filters: ReportFilters, viewer: string | null, now: Date): Promise<number> {
  return countReportRows(db, queryFilters(filters, viewer), now);
}

// What a download is called: what it holds and the day it was made, e.g. "interviews-2026-11-23.csv",
// "interviews-2026-11-23-excel.csv" (the copy with a BOM for Excel), "packets-2026-11-23.zip".
export function exportFileName(now: Date, kind: "csv" | "excel-csv" | "pdf" | "zip"): string {
  const day = now.toISOString().slice(0, 10);
  if (kind === "zip") return `packets-${day}.zip`;
  if (kind === "pdf") return `interviews-report-${day}.pdf`;
  return `interviews-${day}${kind === "excel-csv" ? "-excel" : ""}.csv`;
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
export async function startPacketsExport(db: Conn, actorId: string, values: string[], now: Date): Promise<string[]> {
  const parsed = chosenCandidates.safeParse([...new Set(values)]);
  if (!parsed.success) throw new DomainError("invalid", `${parsed.error.issues[0].message}.`);
  const found = new Set((await findCandidateNames(db, parsed.data)).map((c) => c.id));
  if (parsed.data.some((id) => !found.has(id))) throw new DomainError("invalid", "A chosen candidate does not exist.");
  await requireExportAllowance(db, actorId, now);
  return parsed.data;
}
