import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~db/index.server";
import { requireRole } from "~/auth/guard.server";
import { packetViewer } from "~/packets/packet.server";
import { packetsZip } from "~/reports/packets-zip.server";
import {
  exportFileName,
  recordExport,
  requireChosenCandidates,
  requireExportAllowance,
} from "~/reports/reports.server";

// The committee packets of the candidates chosen in the report table, as one streamed ZIP.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const db = getDb();
  const now = new Date();
  const candidateIds = await requireChosenCandidates(db, new URL(request.url).searchParams.getAll("candidate"));
  await requireExportAllowance(db, user.id, now);
  await recordExport(db, user.id, { format: "zip", filters: { candidates: candidateIds }, rows: candidateIds.length });
  return new Response(createReadableStreamFromReadable(packetsZip(db, candidateIds, packetViewer(user), now)), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${exportFileName(now, "zip")}"`,
      "Cache-Control": "no-store",
    },
  });
}
