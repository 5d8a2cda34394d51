import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { requireId, requireUser } from "~/auth/guard.server";
import { notFoundOnDomainError } from "~/errors.server";
import { packetPdf } from "~/packets/packet-pdf-cache.server";
import { openPacket, packetFileName } from "~/packets/packet.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const candidateId = requireId(params.candidateId, "candidate");
  const { packet } = await notFoundOnDomainError(() => openPacket(user, candidateId));
  await appendAudit(getDb(), {
    actorId: user.id,
    action: "packet.download",
    subjectType: "candidate",
    subjectId: candidateId,
  });
  // Rendered on the PDF thread, or taken from the cache when this very content was rendered before.
  const pdf = await packetPdf(packet);
  return new Response(pdf, {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.byteLength),
      "Content-Disposition": `attachment; filename="${packetFileName(packet)}"`,
      "Cache-Control": "no-store",
    },
  });
}
