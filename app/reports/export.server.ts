import { Readable } from "node:stream";
import { stringify } from "csv-stringify/sync";
import { getDb } from "~db/index.server";
import { listReportBatch, type ReportRow } from "~db/queries/reports";
import type { Conn } from "~db/schema";
import { STAGE_LABELS } from "~/vocabulary/stages";
import { OUTCOME_LABELS, type DecisionOutcome } from "~/vocabulary/decisions";
import { COMPETENCIES, levelOf, recommendationOf, type LevelId, type RecommendationId } from "~/scorecards/rubric";
import { redFlagTitles } from "~/scorecards/scorecard.server";
import type { ReportFilters } from "./filters.schema";
import { ROW_STATUS_LABELS } from "./report";
import type { Download } from "./download.server";
import {
  countRows,
  describeFilters,
  exportFileName,
  queryFilters,
  recordExport,
  startReportExport,
} from "./reports.server";

// Every row of the filtered report, in interview-date order, read in keyset batches: memory holds
// one batch whatever the total, and a consumer that stops reading stops the queries too.
// viewerId: whose eyes the rows are for (independence); null on the command line.
export async function* reportRows(
  db: Conn,
  filters: ReportFilters,
  now: Date,
  batchSize: number,
  viewerId: string | null,
): AsyncGenerator<ReportRow> {
  for await (const batch of reportBatches(db, filters, now, batchSize, viewerId)) yield* batch;
}

async function* reportBatches(
  db: Conn,
  filters: ReportFilters,
  now: Date,
  batchSize: number,
  viewerId: string | null,
): AsyncGenerator<ReportRow[]> {
  const q = queryFilters(filters, viewerId);
  let after: { at: string; id: string } | null = null;
  for (;;) {
    const batch = await listReportBatch(db, q, now, after, batchSize);
    yield batch.map(({ cursor_at: _cursor, ...row }) => row);
    if (batch.length < batchSize) return;
    const last = batch[batch.length - 1];
    after = { at: last.cursor_at, id: last.interview_id };
  }
}

export const CSV_HEADER = [
  "Candidate",
  "Position",
  "Stage",
  "Interviewer",
  "Interview date (UTC)",
  "Submitted at (UTC)",
  "Scorecard",
  ...COMPETENCIES.map((c) => c.label),
  "Recommendation",
  "Level",
  "Red flags (highest severity of 5)",
  "Decision",
];

const iso = (date: Date | null) => (date ? date.toISOString().replace(/\.\d{3}Z$/, "Z") : "");

function rating(value: string | null | undefined): string {
  if (!value) return "";
  return value === "not-assessed" ? "Not assessed" : levelOf(value as LevelId).label;
}

export function csvRecord(row: ReportRow, flagTitles: Record<string, string>): string[] {
  const flags = Object.entries(row.red_flags ?? {})
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([category, severity]) => `${flagTitles[category] ?? category} ${severity}`);
  return [
    row.candidate_name,
    row.position_title,
    STAGE_LABELS[row.stage],
    row.interviewer_name,
    iso(row.scheduled_at),
    iso(row.submitted_at),
    ROW_STATUS_LABELS[row.status],
    ...COMPETENCIES.map((c) => rating(row.ratings?.[c.id])),
    row.recommendation ? recommendationOf(row.recommendation as RecommendationId).label : "",
    row.level ?? "",
    flags.join("; "),
    row.decision ? OUTCOME_LABELS[row.decision as DecisionOutcome] : "",
  ];
}

// RFC 4180 (quoted where needed, CRLF line ends) by csv-stringify; cells a spreadsheet would run
// as a formula (starting =, +, -, @, tab or CR) get a leading apostrophe. `bom` helps Excel read UTF-8.
// Each batch is written as one piece of text rather than record by record through an object
// stream, which cost more than the queries. The stream counts bytes, so a reader that stops
// stops the batches after a buffer's worth.
export function reportCsv(
  db: Conn,
  filters: ReportFilters,
  now: Date,
  { bom = false, batchSize = 2_000, viewerId }: { bom?: boolean; batchSize?: number; viewerId: string | null },
): Readable {
  const titles = redFlagTitles();
  const options = { columns: CSV_HEADER, escape_formulas: true, record_delimiter: "windows" } as const;
  async function* text() {
    yield stringify([], { ...options, header: true, bom });
    for await (const batch of reportBatches(db, filters, now, batchSize, viewerId)) {
      if (batch.length)
        yield stringify(
          batch.map((row) => csvRecord(row, titles)),
          options,
        );
    }
  }
  // A failure (a query, or a reader that went away) destroys the returned stream with the error.
  return Readable.from(text(), { objectMode: false });
}

// The CSV download: `bom=1` is the copy for Excel, under its own name.
export async function reportCsvFile(actorId: string, params: URLSearchParams, now: Date): Promise<Download> {
  const db = getDb();
  const filters = await startReportExport(db, actorId, params, now);
  const forExcel = params.get("bom") === "1";
  const rows = await countRows(db, filters, actorId, now);
  await recordExport(db, actorId, { format: "csv", filters: describeFilters(filters), rows });
  return {
    body: reportCsv(db, filters, now, { bom: forExcel, viewerId: actorId }),
    type: "text/csv; charset=utf-8",
    fileName: exportFileName(now, forExcel ? "excel-csv" : "csv"),
  };
}
