import { type ActionFunctionArgs, json } from "@remix-run/node";
import { requireId, requireRole } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { writeScorecard } from "~/scorecards/scorecard.server";
import { scorecardActionSchema } from "~/scorecards/scorecard-action.schema";
import { parseRequest } from "~/ui/form.server";

// Autosave, submit and amend: JSON in, JSON out, so the page keeps its form state.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "interviewer");
  const interviewId = requireId(params.interviewId, "interview");
  const parsed = await parseRequest(request, scorecardActionSchema);
  if (!parsed.ok) return invalid(parsed.errors);
  return atEdge(async () => json({ ok: true as const, saved: await writeScorecard(user, interviewId, parsed.data) }));
}
