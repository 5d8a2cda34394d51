import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~db/index.server";
import { requireRole } from "~/auth/guard.server";
import { renderPdf } from "~/pdf/render-pool.server";
import { reportPdfInput } from "~/reports/report-pdf-data.server";
import {
  describeFilters,
  exportFileName,
  recordExport,
  reportOptions,
  requireExportAllowance,
  requireExportFilters,
} from "~/reports/reports.server";

// The filtered report as a PDF: summary, chart, feedback tracking, calibration and the rows.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const db = getDb();
  const now = new Date();
  const filters = await requireExportFilters(db, new URL(request.url).searchParams);
  await requireExportAllowance(db, user.id, now);
  const input = await reportPdfInput(db, filters, await reportOptions(db), now);
  await recordExport(db, user.id, { format: "pdf", filters: describeFilters(filters), rows: input.totalRows });
  // Laid out on the PDF thread, so the server keeps answering meanwhile.
  const pdf = await renderPdf({ kind: "report", input });
  return new Response(pdf, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.byteLength),
      "Content-Disposition": `attachment; filename="${exportFileName(now, "pdf")}"`,
      "Cache-Control": "no-store",
    },
  });
}
