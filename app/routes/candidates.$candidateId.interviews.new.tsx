import { type ActionFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { requireRole, requireId } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { parseWith, readForm } from "~/ui/form.server";
import { newInterviewSchema } from "~/panels/interview.schema";
import { InterviewForm } from "~/panels/InterviewForm";
import { loopPageLoader } from "~/panels/loop-page.server";
import { scheduleInterview } from "~/panels/panel.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Schedule an interview with ${data?.candidate.name ?? "a candidate"} · Panel` },
];

export const loader = loopPageLoader;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const candidateId = requireId(params.candidateId, "candidate");
  const parsed = parseWith(newInterviewSchema(), await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  return atEdge(async () => {
    await scheduleInterview(user, candidateId, parsed.data);
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
