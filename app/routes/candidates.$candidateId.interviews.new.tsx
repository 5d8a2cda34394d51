import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { getDb } from "~db/index.server";
import { findCandidate } from "~db/queries/candidates";
import { notFoundUnless, requireRole, requireId } from "~/auth/guard.server";
import { parseWith, readForm } from "~/ui/form.server";
import { newInterviewSchema } from "~/panels/interview.schema";
import { InterviewForm } from "~/panels/InterviewForm";
import { panelOptions } from "~/panels/panel-options.server";
import { scheduleInterview } from "~/panels/panel.server";
import { formAction } from "~/ui/respond.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Schedule an interview with ${data?.candidate.name ?? "a candidate"} · Panel` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "recruiter", "admin");
  const candidate = notFoundUnless(
    await findCandidate(getDb(), requireId(params.candidateId, "candidate")),
    "candidate",
  );
  if (candidate.archived_at) throw redirect(`/candidates/${candidate.id}`);
  const options = await panelOptions(candidate.id, candidate.kit_id);
  return json({
    candidate: { id: candidate.id, name: candidate.name, position: candidate.position_title },
    ...options,
    key: crypto.randomUUID(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const candidateId = requireId(params.candidateId, "candidate");
  notFoundUnless(await findCandidate(getDb(), candidateId), "candidate");
  const parsed = parseWith(newInterviewSchema(), await readForm(request));
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
  return formAction(async () => {
    const result = await scheduleInterview(user, candidateId, parsed.data);
    if (!result.ok) return json({ errors: result.errors }, { status: 400 });
    return redirect(`/candidates/${candidateId}`);
  });
}

export default function ScheduleInterview() {
  const { candidate, interviewers, questions, timeZones, key } = useLoaderData<typeof loader>();
  const schema = useMemo(() => newInterviewSchema(), []);
  return (
    <main className="page narrow" id="main">
      <p>
        <Link to={`/candidates/${candidate.id}`}>← {candidate.name}</Link>
      </p>
      <h1>Schedule an interview</h1>
      <p className="lead">
        {candidate.name} · {candidate.position}
      </p>
      <InterviewForm
        schema={schema}
        interviewers={interviewers}
        questions={questions}
        timeZones={timeZones}
        submitLabel="Schedule interview"
        guessTimeZone
        defaults={{
          interviewerId: "",
          stage: "onsite",
          date: "",
          time: "",
          timeZone: "UTC",
          durationMinutes: 45,
          confirmPast: false,
          focusCompetencies: [],
          focusQuestions: [],
          idempotencyKey: key,
        }}
      />
    </main>
  );
}
