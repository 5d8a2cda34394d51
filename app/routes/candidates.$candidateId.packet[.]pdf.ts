import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { requireId, requireUser } from "~/auth/guard.server";
import { notFoundOnDomainError } from "~/errors.server";
import { renderPacketPdf } from "~/packets/packet-pdf.server";
import { openPacket, packetFileName } from "~/packets/packet.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const candidateId = requireId(params.candidateId, "candidate");
  const { packet } = await notFoundOnDomainError(() => openPacket(user, candidateId));
  await appendAudit(getDb(), { actorId: user.id, action: "packet.download", subjectType: "candidate", subjectId: candidateId });
  // renderPacketPdf has ended the document; the stream carries its pages as pdfkit writes them.
  return new Response(createReadableStreamFromReadable(renderPacketPdf(packet)), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="${packetFileName(packet)}"`,
      "Cache-Control": "no-store",
    },
  });
}
