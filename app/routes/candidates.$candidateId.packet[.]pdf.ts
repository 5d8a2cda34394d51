import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireId, requireUser } from "~/auth/guard.server";
import { atEdge } from "~/errors.server";
import { downloadPacket } from "~/packets/packet.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const candidateId = requireId(params.candidateId, "candidate");
  return atEdge(async () => {
    const { pdf, fileName } = await downloadPacket(user, candidateId);
    return new Response(pdf, {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Length": String(pdf.byteLength),
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
