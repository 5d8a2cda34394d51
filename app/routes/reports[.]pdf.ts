import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/guard.server";
import { atEdge } from "~/errors.server";
import { attachment } from "~/reports/download.server";
import { reportPdfFile } from "~/reports/report-pdf-data.server";

// The filtered report as a PDF: summary, chart, feedback tracking, calibration and the rows.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const params = new URL(request.url).searchParams;
  return atEdge(async () => attachment(await reportPdfFile(user.id, params, new Date())));
}
