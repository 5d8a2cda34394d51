import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireId, requireRole } from "~/auth/guard.server";
import { atEdge } from "~/errors.server";
import { scorecardMarkdown } from "~/scorecards/scorecard.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "interviewer");
  const interviewId = requireId(params.interviewId, "interview");
  return atEdge(async () => {
    const { fileName, markdown } = await scorecardMarkdown(user, interviewId);
    return new Response(markdown, {
      headers: {
        "Content-Type": "text/markdown; charset=utf-8",
        "Content-Disposition": `attachment; filename="${fileName}"`,
        "Cache-Control": "no-store",
      },
    });
  });
}
