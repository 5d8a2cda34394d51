import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { TZDate } from "@date-fns/tz";
import { format } from "date-fns";
import { useMemo } from "react";
import { getDb } from "~db/index.server";
import { findCandidate } from "~db/queries/candidates";
import { findInterview } from "~db/queries/interviews";
import { notFoundUnless, requireRole, requireId } from "~/auth/guard.server";
import type { CompetencyId } from "~/scorecards/rubric";
import { formatDateTime } from "~/ui/format";
import { Field } from "~/ui/form";
import { parseWith, readForm } from "~/ui/form.server";
import { cancelSchema, interviewSchema } from "~/panels/interview.schema";
import { InterviewForm } from "~/panels/InterviewForm";
import { panelOptions } from "~/panels/panel-options.server";
import { cancelInterview, changeInterview } from "~/panels/panel.server";
import { formAction } from "~/ui/respond.server";
import { useSchemaForm } from "~/ui/useSchemaForm";

export const meta: MetaFunction = () => [{ title: "Change an interview · Panel" }];

async function load(params: LoaderFunctionArgs["params"]) {
  const candidate = notFoundUnless(
    await findCandidate(getDb(), requireId(params.candidateId, "candidate")),
    "candidate",
  );
  const interview = notFoundUnless(
    await findInterview(getDb(), candidate.id, requireId(params.interviewId, "interview")),
    "interview",
  );
  return { candidate, interview };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "recruiter", "admin");
  const { candidate, interview } = await load(params);
  const options = await panelOptions(candidate.id, candidate.kit_id, interview.id);
  const local = new TZDate(interview.scheduled_at, interview.time_zone);
  return json({
    candidate: { id: candidate.id, name: candidate.name },
    interview: {
      ...interview,
      scheduled_at: interview.scheduled_at.toISOString(),
      date: format(local, "yyyy-MM-dd"),
      time: format(local, "HH:mm"),
    },
    ...options,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const { candidate, interview } = await load(params);
  const form = await readForm(request);
  return formAction(async () => {
    if (form.intent === "cancel") {
      const parsed = parseWith(cancelSchema, form);
      if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
      await cancelInterview(user, candidate.id, interview.id, parsed.data.reason);
      return redirect(`/candidates/${candidate.id}`);
    }
    const parsed = parseWith(interviewSchema(), form);
    if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
    const result = await changeInterview(user, candidate.id, interview.id, parsed.data);
    if (!result.ok) return json({ errors: result.errors }, { status: 400 });
    return redirect(`/candidates/${candidate.id}`);
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
