import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/guard.server";
import { atEdge } from "~/errors.server";
import { attachment } from "~/reports/download.server";
import { reportCsvFile } from "~/reports/export.server";

// The filtered report as CSV, streamed batch by batch; `bom=1` is the copy for Excel.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const params = new URL(request.url).searchParams;
  return atEdge(async () => attachment(await reportCsvFile(user.id, params, new Date())));
}
