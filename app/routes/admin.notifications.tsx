import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { cadenceSchema } from "~/notifications/cadence.schema";
import { readCadence, saveCadence } from "~/notifications/admin.server";
import { ErrorText, fieldAria } from "~/notifications/ErrorText";
import { Field } from "~/ui/form";
import { readForm, parseWith } from "~/ui/form.server";

export const meta: MetaFunction = () => [{ title: "Reminders · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return json(await readCadence());
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const parsed = parseWith(cadenceSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  return atEdge(async () => {
    await saveCadence(user, parsed.data);
    return json({ ok: true as const });
  });
}

const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

function WholeNumber(props: { name: string; label: string; value: number; min: number; max?: number; error?: string }) {
  return (
    <Field id={props.name} label={props.label} error={{ message: props.error }}>
      {(aria) => (
        <input {...aria} name={props.name} type="number" min={props.min} max={props.max} defaultValue={props.value} />
      )}
    </Field>
  );
}

export default function Reminders() {
  const { cadence } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.ok === false ? result.errors : undefined;
  return (
    <main className="page" id="main">
      <h1>Feedback reminders</h1>
      <p className="lead">
        When interviewers are reminded of feedback they owe, and when the recruiters hear about it. Times are in each
        interviewer's own time zone.
      </p>
      {result?.ok ? (
        <p className="notice" role="status">
          Saved. The next reminder run uses it.
        </p>
      ) : null}
      <Form method="post" className="card" noValidate>
        <input type="hidden" name="intent" value="save" />
        <WholeNumber
          name="firstAfterMinutes"
          label="First reminder, minutes after the interview ends"
          value={cadence.firstAfterMinutes}
          min={0}
          error={errors?.firstAfterMinutes}
        />
        <WholeNumber
          name="dailyHour"
          label="Then daily at this hour (0–23)"
          value={cadence.dailyHour}
          min={0}
          max={23}
          error={errors?.dailyHour}
        />
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
        <WholeNumber
          name="escalateAfterDays"
          label="Tell the position's recruiter (or, if it has none, every recruiter) after this many days overdue"
          value={cadence.escalateAfterDays}
          min={1}
          error={errors?.escalateAfterDays}
        />
        <button type="submit">Save</button>
      </Form>
    </main>
  );
}
