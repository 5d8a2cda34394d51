import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { requireRole, requireId } from "~/auth/guard.server";
import { atEdge, invalid, pageAtEdge } from "~/errors.server";
import type { CompetencyId } from "~/scorecards/rubric";
import { formatDateTime } from "~/ui/format";
import { Field } from "~/ui/form";
import { parseWith, readForm } from "~/ui/form.server";
import { cancelSchema, interviewActionSchema, interviewSchema } from "~/panels/interview.schema";
import { InterviewForm } from "~/panels/InterviewForm";
import { interviewForChange } from "~/panels/panel-options.server";
import { changeInterview } from "~/panels/panel.server";
import { useSchemaForm } from "~/ui/useSchemaForm";

export const meta: MetaFunction = () => [{ title: "Change an interview · Panel" }];

const ids = (params: LoaderFunctionArgs["params"]) => ({
  candidateId: requireId(params.candidateId, "candidate"),
  interviewId: requireId(params.interviewId, "interview"),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "recruiter", "admin");
  const { candidateId, interviewId } = ids(params);
  return json(await pageAtEdge(() => interviewForChange(candidateId, interviewId)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const { candidateId, interviewId } = ids(params);
  const parsed = parseWith(interviewActionSchema(), await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  return atEdge(async () => {
    await changeInterview(user, candidateId, interviewId, parsed.data);
    return redirect(`/candidates/${candidateId}`);
  });
}

export default function ChangeInterview() {
  const { candidate, interview, interviewers, questions, timeZones } = useLoaderData<typeof loader>();
  const schema = useMemo(() => interviewSchema(), []);
  return (
    <main className="page narrow" id="main">
      <p>
        <Link to={`/candidates/${candidate.id}`}>← {candidate.name}</Link>
      </p>
      <h1>Change an interview</h1>
      <p className="lead">Now: {formatDateTime(interview.scheduled_at, interview.time_zone)}</p>
      {interview.cancelled_at ? (
        <p className="form-error">This interview was cancelled: {interview.cancel_reason}</p>
      ) : (
        <>
          <h2>Reschedule, reassign or change the focus</h2>
          <InterviewForm
            schema={schema}
            interviewers={interviewers}
            questions={questions}
            timeZones={timeZones}
            submitLabel="Save changes"
            defaults={{
              interviewerId: interview.interviewer_id,
              stage: interview.stage,
              date: interview.date,
              time: interview.time,
              timeZone: interview.time_zone,
              durationMinutes: interview.duration_minutes,
              confirmPast: false,
              focusCompetencies: interview.focus_competencies as CompetencyId[],
              focusQuestions: interview.focus_questions as string[],
              idempotencyKey: "",
            }}
          />
          <CancelForm />
        </>
      )}
    </main>
  );
}

function CancelForm() {
  const navigation = useNavigation();
  const { form, onSubmit, errors } = useSchemaForm(cancelSchema, { reason: "" });
  return (
    <Form method="post" noValidate className="card" onSubmit={onSubmit}>
      <h2>Cancel this interview</h2>
      <p className="muted">
        A cancelled interview stays on the timeline with its reason; it is never overdue and never counts in the packet.
      </p>
      <Field id="reason" label="Reason" error={errors.reason}>
        {(aria) => <textarea {...aria} {...form.register("reason")} />}
      </Field>
      <button
        type="submit"
        name="intent"
        value="cancel"
        className="danger"
        disabled={navigation.state === "submitting"}
      >
        Cancel interview
      </button>
    </Form>
  );
}
