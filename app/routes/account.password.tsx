import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { changeOwnPassword } from "~/auth/passwords.server";
import { sessionIdOf } from "~/auth/session.server";
import { NewPasswordFields } from "~/auth/NewPasswordFields";
import { atEdge, invalid } from "~/errors.server";
import { changePasswordSchema } from "~/people/people.schema";
import { Field, FormError } from "~/ui/form";
import { parseWith, readForm } from "~/ui/form.server";
import type { FormResult } from "~/ui/form-result";
import { useSchemaForm } from "~/ui/useSchemaForm";

export const meta: MetaFunction = () => [{ title: "Change your password · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ hasPassword: user.hasPassword });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const parsed = parseWith(changePasswordSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  const data = parsed.data;
  return atEdge(async () => {
    await changeOwnPassword(user, await sessionIdOf(request), data);
    return json({ ok: true as const });
  });
}

export default function ChangePassword() {
  const { hasPassword } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const done = useActionData<FormResult>()?.ok;
  const { form, formError, onSubmit, errors } = useSchemaForm(changePasswordSchema, {
    current: "",
    password: "",
    confirm: "",
  });
  if (!hasPassword)
    return (
      <main className="page narrow" id="main">
        <h1>Change your password</h1>
        <p className="lead">You sign in with single sign-on, so your account has no Panel password to change.</p>
      </main>
    );
  return (
    <main className="page narrow" id="main">
      <h1>Change your password</h1>
      {done ? (
        <p className="notice" role="status">
          Your password is changed. You are signed out everywhere else.
        </p>
      ) : null}
      <Form method="post" noValidate className="card" onSubmit={onSubmit}>
        <FormError message={formError} />
        <Field id="current" label="Current password" error={errors.current}>
          {(aria) => <input type="password" autoComplete="current-password" {...aria} {...form.register("current")} />}
        </Field>
        <NewPasswordFields password={form.register("password")} confirm={form.register("confirm")} errors={errors} />
        <button type="submit" disabled={navigation.state === "submitting"}>
          Change password
        </button>
      </Form>
    </main>
  );
}
