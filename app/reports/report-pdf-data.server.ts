import type { Kysely } from "kysely";
import type { ReportRow } from "~db/queries/reports";
import type { DB } from "~db/schema";
import { reportRows } from "./export.server";
import type { ReportFilters } from "./filters.schema";
import { PDF_ROW_LIMIT } from "./report";
import type { ReportPdfInput } from "./report-pdf.server";
import {
  calibration,
  countRows,
  feedbackTracking,
  labelFilters,
  reportSummary,
  type ReportOptions,
} from "./reports.server";

// Everything the PDF report shows, read one query after another (PGlite has one connection).
export async function reportPdfInput(
  db: Kysely<DB>,
  filters: ReportFilters,
  options: ReportOptions,
  now: Date,
): Promise<ReportPdfInput> {
  const summary = await reportSummary(db, filters, now);
  const feedback = await feedbackTracking(db, filters, now);
  const raters = await calibration(db, filters, now);
  const totalRows = await countRows(db, filters, now);
  const rows: ReportRow[] = [];
  for await (const row of reportRows(db, filters, now, PDF_ROW_LIMIT)) {
    rows.push(row);
    if (rows.length === PDF_ROW_LIMIT) break;
  }
  return {
    generatedAt: now,
    filters: labelFilters(filters, options),
    summary,
    feedback,
    calibration: raters,
    rows,
    totalRows,
  };
}
