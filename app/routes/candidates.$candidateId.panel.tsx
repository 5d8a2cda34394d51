import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { notFoundUnless, requireRole, requireId } from "~/auth/guard.server";
import { candidateForLoop } from "~/panels/panel-options.server";
import { panelLoopSchema } from "~/panels/panel-loop.schema";
import { PanelBuilder } from "~/panels/PanelBuilder";
import { schedulePanel } from "~/panels/panel.server";
import { formAction } from "~/ui/respond.server";
import { parseRequest } from "~/ui/form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Plan the panel for ${data?.candidate.name ?? "a candidate"} · Panel` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "recruiter", "admin");
  const loop = notFoundUnless(await candidateForLoop(requireId(params.candidateId, "candidate")), "candidate");
  if (loop.candidate.archived) throw redirect(`/candidates/${loop.candidate.id}`);
  return json({ ...loop, key: crypto.randomUUID() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const candidateId = requireId(params.candidateId, "candidate");
  const parsed = await parseRequest(request, panelLoopSchema());
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
  return formAction(async () => {
    const result = await schedulePanel(user, candidateId, parsed.data);
    if (!result.ok) return json({ errors: result.errors }, { status: 400 });
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
