import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireId, requireRole } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { muteSchema } from "~/notifications/mute.schema";
import { muteDailyReminders, readReminderMute } from "~/notifications/mute.server";
import { ErrorText, fieldAria } from "~/ui/ErrorText";
import { FormError } from "~/ui/form";
import { isFailure } from "~/ui/form-result";
import { requireOwnInterview } from "~/scorecards/scorecard.server";
import { readForm, parseWith } from "~/ui/form.server";

export const meta: MetaFunction = () => [{ title: "Reminders for this interview · Panel" }];

// The mute link in reminder emails lands here; muting is a POST, never the GET of the link.
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "interviewer");
  const interviewId = requireId(params.interviewId, "interview");
  return atEdge(async () => json(await readReminderMute(user, interviewId)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "interviewer");
  const interviewId = requireId(params.interviewId, "interview");
  // Someone else's interview is a 404 before the form is read, whatever it holds.
  await atEdge(() => requireOwnInterview(user, interviewId));
  const parsed = parseWith(muteSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  return atEdge(async () => {
    await muteDailyReminders(user, interviewId, parsed.data);
    return json({ ok: true as const });
  });
}

export default function InterviewReminders() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (isFailure(data)) return <FormError message={data.errors.form} />;
  const { interviewId, candidate, mute } = data;
  const errors = result?.ok === false ? result.errors : undefined;
  return (
    <main className="page" id="main">
      <h1>Reminders for your interview with {candidate}</h1>
      {mute || result?.ok ? (
        <p className="notice" role="status">
          Daily reminders for this interview are muted{mute ? `: "${mute.reason}"` : ""}. The recruiter sees your
          reason.
        </p>
      ) : null}
      <Form method="post" className="card" noValidate>
        <input type="hidden" name="intent" value="mute" />
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
