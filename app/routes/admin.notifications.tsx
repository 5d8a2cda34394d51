import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { cadenceSchema } from "~/notifications/admin.schema";
import { readCadence, saveCadence } from "~/notifications/admin.server";
import { ErrorText, fieldAria } from "~/notifications/ErrorText";
import { readForm, parseWith } from "~/ui/form.server";

export const meta: MetaFunction = () => [{ title: "Reminders · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return json({ cadence: await readCadence() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const parsed = parseWith(cadenceSchema, await readForm(request));
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
  await saveCadence(user, parsed.data);
  return json({ saved: true });
}

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export default function Reminders() {
  const { cadence } = useLoaderData<typeof loader>();
  const result = useActionData<{ saved?: boolean; errors?: Record<string, string> }>();
  const errors = result?.errors;
  return (
    <main className="page" id="main">
      <h1>Feedback reminders</h1>
      <p className="lead">
        When interviewers are reminded of feedback they owe, and when the recruiters hear about it. Times are in each
        interviewer's own time zone.
      </p>
      {result?.saved ? (
        <p className="notice" role="status">
          Saved. The next reminder run uses it.
        </p>
      ) : null}
      <Form method="post" className="card" noValidate>
        <div className="field">
          <label htmlFor="firstAfterMinutes">First reminder, minutes after the interview ends</label>
          <input
            id="firstAfterMinutes"
            name="firstAfterMinutes"
            type="number"
            min={0}
            defaultValue={cadence.firstAfterMinutes}
            {...fieldAria(errors, "firstAfterMinutes")}
          />
          <ErrorText errors={errors} name="firstAfterMinutes" />
        </div>
        <div className="field">
          <label htmlFor="dailyHour">Then daily at this hour (0–23)</label>
          <input
            id="dailyHour"
            name="dailyHour"
            type="number"
            min={0}
            max={23}
            defaultValue={cadence.dailyHour}
            {...fieldAria(errors, "dailyHour")}
          />
          <ErrorText errors={errors} name="dailyHour" />
        </div>
        <fieldset className="field" {...fieldAria(errors, "workingDays")}>
          <legend>On these working days</legend>
          {DAYS.map((day, i) => (
            <label key={day} className="choice">
              <input
                type="checkbox"
                name="workingDays"
                value={i + 1}
                defaultChecked={cadence.workingDays.includes(i + 1)}
              />{" "}
              {day}
            </label>
          ))}
          <ErrorText errors={errors} name="workingDays" />
        </fieldset>
        <div className="field">
          <label htmlFor="escalateAfterDays">Tell the recruiters after this many days overdue</label>
          <input
            id="escalateAfterDays"
            name="escalateAfterDays"
            type="number"
            min={1}
            defaultValue={cadence.escalateAfterDays}
            {...fieldAria(errors, "escalateAfterDays")}
          />
          <ErrorText errors={errors} name="escalateAfterDays" />
        </div>
        <button type="submit">Save</button>
      </Form>
    </main>
  );
}
