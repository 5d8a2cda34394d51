import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { timeZoneSchema } from "~/account/account.schema";
import { changeTimeZone } from "~/account/account.server";
import { requireUser } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { FormError } from "~/ui/form";
import { parseWith, readForm } from "~/ui/form.server";
import type { FormResult } from "~/ui/form-result";
import { TimeZoneField, useBrowserZone } from "~/ui/TimeZoneField";
import { TIME_ZONES } from "~/ui/time-zones.server";
import { useSchemaForm } from "~/ui/useSchemaForm";
import { useTimeZone } from "~/ui/useTimeZone";

export const meta: MetaFunction = () => [{ title: "Your account · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ name: user.name, email: user.email, hasPassword: user.hasPassword, timeZones: TIME_ZONES });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseWith(timeZoneSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  const { timeZone } = parsed.data;
  return atEdge(async () => {
    await changeTimeZone(user, timeZone);
    return json({ ok: true as const });
  });
}

export default function Account() {
  const { name, email, hasPassword, timeZones } = useLoaderData<typeof loader>();
  const saved = useActionData<FormResult>()?.ok;
  const navigation = useNavigation();
  const timeZone = useTimeZone();
  const browserZone = useBrowserZone();
  const { form, formError, onSubmit, errors } = useSchemaForm(timeZoneSchema, { timeZone });
  const suggestion = browserZone && browserZone !== timeZone && timeZones.includes(browserZone) ? browserZone : null;
  return (
    <main className="page narrow" id="main">
      <h1>Your account</h1>
      <p className="lead">
        {name} · {email}
      </p>
      {saved ? (
        <p className="notice" role="status">
          Saved: times now show in {timeZone}.
        </p>
      ) : null}
      <Form method="post" noValidate className="card" onSubmit={onSubmit}>
        <h2>Time zone</h2>
        <FormError message={formError} />
        <TimeZoneField
          label="Your time zone"
          hint="Every date and time in Panel is shown in this zone, and your daily feedback reminders follow its clock."
          timeZones={timeZones}
          error={errors.timeZone}
          register={form.register("timeZone")}
        />
        {suggestion ? (
          <p>
            <button type="button" className="secondary" onClick={() => form.setValue("timeZone", suggestion)}>
              Use this device’s zone: {suggestion}
            </button>
          </p>
        ) : null}
        <button type="submit" disabled={navigation.state === "submitting"}>
          Save time zone
        </button>
      </Form>
      {hasPassword ? (
        <p>
          <Link to="/account/password">Change your password</Link>
        </p>
      ) : null}
    </main>
  );
}
