import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireRole } from "~/auth/guard.server";
import { atEdge } from "~/errors.server";
import { attachment } from "~/reports/download.server";
import { packetsZipFile } from "~/reports/packets-zip.server";

// The committee packets of the candidates chosen in the report table, as one streamed ZIP.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const candidates = new URL(request.url).searchParams.getAll("candidate");
  return atEdge(async () => attachment(await packetsZipFile(user, candidates, new Date())));
}
