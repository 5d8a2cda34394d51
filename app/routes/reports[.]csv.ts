import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~db/index.server";
import { requireRole } from "~/auth/guard.server";
import { reportCsv } from "~/reports/export.server";
import {
  countRows,
  describeFilters,
  exportFileName,
  recordExport,
  requireExportAllowance,
  requireExportFilters,
} from "~/reports/reports.server";

// The filtered report as CSV, streamed row batch by row batch; `bom=1` adds a BOM for Excel.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const db = getDb();
  const now = new Date();
  const params = new URL(request.url).searchParams;
  const filters = await requireExportFilters(db, params);
  await requireExportAllowance(db, user.id, now);
  await recordExport(db, user.id, {
    format: "csv",
    filters: describeFilters(filters),
    rows: await countRows(db, filters, now),
  });
  return new Response(
    createReadableStreamFromReadable(
      reportCsv(db, filters, now, { bom: params.get("bom") === "1", viewerId: user.id }),
    ),
    {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${exportFileName(now, "csv")}"`,
        "Cache-Control": "no-store",
      },
    },
  );
}
