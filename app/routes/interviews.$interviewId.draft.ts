import { type ActionFunctionArgs, json } from "@remix-run/node";
import { requireId, requireRole } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { draftRequestSchema } from "~/assistant/assist.schema";
import { draftForInterview } from "~/assistant/scorecard-assist.server";
import { parseRequest } from "~/ui/form.server";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "interviewer");
  const interviewId = requireId(params.interviewId, "interview");
  const parsed = await parseRequest(request, draftRequestSchema);
  if (!parsed.ok) return invalid(parsed.errors);
  return atEdge(async () =>
    json({ ok: true as const, ...(await draftForInterview(user, interviewId, parsed.data.content)) }),
  );
}
