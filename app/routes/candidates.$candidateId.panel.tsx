import { type ActionFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole, requireId } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { loopPageLoader } from "~/panels/loop-page.server";
import { panelLoopSchema } from "~/panels/panel-loop.schema";
import { PanelBuilder } from "~/panels/PanelBuilder";
import { schedulePanel } from "~/panels/panel.server";
import { parseRequest } from "~/ui/form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Plan the panel for ${data?.candidate.name ?? "a candidate"} · Panel` },
];

export const loader = loopPageLoader;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const candidateId = requireId(params.candidateId, "candidate");
  const parsed = await parseRequest(request, panelLoopSchema());
  if (!parsed.ok) return invalid(parsed.errors);
  return atEdge(async () => {
    await schedulePanel(user, candidateId, parsed.data);
    return redirect(`/candidates/${candidateId}`);
  });
}

export default function PlanPanel() {
  const { candidate, interviewers, questions, timeZones, key } = useLoaderData<typeof loader>();
  return (
    <main className="page" id="main">
      <p>
        <Link to={`/candidates/${candidate.id}`}>← {candidate.name}</Link>
      </p>
      <h1>Plan the panel</h1>
      <p className="lead">
        {candidate.name} · {candidate.position} — every interview of the loop in one go.
      </p>
      <PanelBuilder interviewers={interviewers} questions={questions} timeZones={timeZones} idempotencyKey={key} />
    </main>
  );
}
