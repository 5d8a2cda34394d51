import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { cadenceSchema } from "~/notifications/cadence.schema";
import { readCadence, saveCadence } from "~/notifications/admin.server";
import { ErrorText, fieldAria } from "~/ui/ErrorText";
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

type CadenceNumber = "firstAfterMinutes" | "dailyHour" | "escalateAfterDays";

const NUMBERS: { name: CadenceNumber; label: string; min: number; max?: number }[] = [
  { name: "firstAfterMinutes", label: "First reminder, minutes after the interview ends", min: 0 },
  { name: "dailyHour", label: "Then daily at this hour (0–23)", min: 0, max: 23 },
  {
    name: "escalateAfterDays",
    label: "Tell the position's recruiter (every recruiter if it has none) after this many days overdue",
    min: 1,
  },
];

function WholeNumber({ field, value, error }: { field: (typeof NUMBERS)[number]; value: number; error?: string }) {
  return (
    <Field id={field.name} label={field.label} error={{ message: error }}>
      {(aria) => (
        <input {...aria} name={field.name} type="number" min={field.min} max={field.max} defaultValue={value} />
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
        {NUMBERS.slice(0, 2).map((field) => (
          <WholeNumber key={field.name} field={field} value={cadence[field.name]} error={errors?.[field.name]} />
        ))}
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
        {NUMBERS.slice(2).map((field) => (
          <WholeNumber key={field.name} field={field} value={cadence[field.name]} error={errors?.[field.name]} />
        ))}
        <button type="submit">Save</button>
      </Form>
    </main>
  );
}
