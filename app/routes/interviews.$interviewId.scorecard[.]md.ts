import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireId, requireRole } from "~/auth/guard.server";
import { notFoundOnDomainError } from "~/errors.server";
import { scorecardMarkdown } from "~/scorecards/scorecard.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "interviewer");
  const interviewId = requireId(params.interviewId, "interview");
  const { fileName, markdown } = await notFoundOnDomainError(() => scorecardMarkdown(user, interviewId));
  return new Response(markdown, {
    headers: {
      "Content-Type": "text/markdown; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName}"`,
      "Cache-Control": "no-store",
    },
  });
}
