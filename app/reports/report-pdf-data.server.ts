import { getDb } from "~db/index.server";
import type { ReportRow } from "~db/queries/reports";
import type { Conn } from "~db/schema";
import { renderPdf } from "~/pdf/render-pool.server";
import type { Download } from "./download.server";
import { reportRows } from "./export.server";
import type { ReportFilters } from "./filters.schema";
import { PDF_ROW_LIMIT } from "./report";
import type { ReportPdfInput } from "./report-pdf.server";
import {
  calibration,
  countRows,
  describeFilters,
  exportFileName,
  feedbackTracking,
  labelFilters,
  recordExport,
  reportOptions,
  reportSummary,
  startReportExport,
  type ReportOptions,
} from "./reports.server";

// Everything the PDF report shows, as the viewer may see it, read one query after another
// (PGlite has one connection).
export async function reportPdfInput(
  db: Conn,
  filters: ReportFilters,
  options: ReportOptions,
  viewer: string | null,
  now: Date,
): Promise<ReportPdfInput> {
  const summary = await reportSummary(db, filters, viewer, now);
  const feedback = await feedbackTracking(db, filters, viewer, now);
  const raters = await calibration(db, filters, viewer, now);
  const totalRows = await countRows(db, filters, viewer, now);
  const rows: ReportRow[] = [];
  for await (const row of reportRows(db, filters, now, PDF_ROW_LIMIT, viewer)) {
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

// The PDF download, laid out on the PDF thread so the server keeps answering meanwhile.
export async function reportPdfFile(actorId: string, params: URLSearchParams, now: Date): Promise<Download> {
  const db = getDb();
  const filters = await startReportExport(db, actorId, params, now);
  const input = await reportPdfInput(db, filters, await reportOptions(db), actorId, now);
  await recordExport(db, actorId, { format: "pdf", filters: describeFilters(filters), rows: input.totalRows });
  return {
    body: await renderPdf({ kind: "report", input }),
    type: "application/pdf",
    fileName: exportFileName(now, "pdf"),
  };
}
