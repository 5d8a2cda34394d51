import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireId, requireRole } from "~/auth/guard.server";
import { notFoundOnDomainError } from "~/errors.server";
import { muteSchema } from "~/notifications/admin.schema";
import { muteDailyReminders, readMute } from "~/notifications/admin.server";
import { ErrorText, fieldAria } from "~/notifications/ErrorText";
import { requireOwnInterview } from "~/scorecards/scorecard.server";
import { readForm, parseWith } from "~/ui/form.server";

export const meta: MetaFunction = () => [{ title: "Reminders for this interview · Panel" }];

// The mute link in reminder emails lands here; muting is a POST, never the GET of the link.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "interviewer");
  const interviewId = requireId(params.interviewId, "interview");
  const interview = await notFoundOnDomainError(() => requireOwnInterview(user, interviewId));
  return json({ interviewId, candidate: interview.candidate_name, mute: (await readMute(interviewId)) ?? null });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "interviewer");
  const interviewId = requireId(params.interviewId, "interview");
  await notFoundOnDomainError(() => requireOwnInterview(user, interviewId));
  const parsed = parseWith(muteSchema, await readForm(request));
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
  await notFoundOnDomainError(() => muteDailyReminders(user, interviewId, parsed.data.reason));
  return json({ muted: true });
}

export default function InterviewReminders() {
  const { interviewId, candidate, mute } = useLoaderData<typeof loader>();
  const result = useActionData<{ muted?: boolean; errors?: Record<string, string> }>();
  const errors = result?.errors;
  return (
    <main className="page" id="main">
      <h1>Reminders for your interview with {candidate}</h1>
      {mute || result?.muted ? (
        <p className="notice" role="status">
          Daily reminders for this interview are muted{mute ? `: "${mute.reason}"` : ""}. The recruiter sees your
          reason.
        </p>
      ) : null}
      <Form method="post" className="card" noValidate>
        <p>
          Stop the daily reminders for this interview only. The recruiter still sees that the feedback is outstanding,
          with your reason.
        </p>
        <div className="field">
          <label htmlFor="reason">Why</label>
          <textarea
            id="reason"
            name="reason"
            rows={3}
            defaultValue={mute?.reason ?? ""}
            {...fieldAria(errors, "reason")}
          />
          <ErrorText errors={errors} name="reason" />
        </div>
        <button type="submit">Mute daily reminders</button>
      </Form>
      <p>
        <Link to={`/interviews/${interviewId}`}>Back to the scorecard</Link>
      </p>
    </main>
  );
}
