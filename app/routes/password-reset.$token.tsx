import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { openPasswordReset, resetPassword } from "~/auth/passwords.server";
import { startSession } from "~/auth/session.server";
import { NewPasswordFields } from "~/auth/NewPasswordFields";
import { atEdge, invalid } from "~/errors.server";
import { resetPasswordSchema } from "~/people/people.schema";
import { FormError } from "~/ui/form";
import { parseWith, readForm } from "~/ui/form.server";
import type { Failure } from "~/ui/form-result";
import { useSchemaForm } from "~/ui/useSchemaForm";

export const meta: MetaFunction = () => [{ title: "Set a new password · Panel" }];

// The token is the credential, as for an invitation: unknown is a 404, used or expired says why (410).
async function resetOr404(token: string | undefined) {
  const reset = token ? await openPasswordReset(token) : null;
  if (!reset) throw new Response("This reset link is not valid. Ask an admin for a new one.", { status: 404 });
  return reset;
}

export async function loader({ params }: LoaderFunctionArgs) {
  const reset = await resetOr404(params.token);
  return json(reset, { status: reset.open ? 200 : 410 });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const reset = await resetOr404(params.token);
  if (!reset.open) return json(reset, { status: 410 });
  const parsed = parseWith(resetPasswordSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  const { password } = parsed.data;
  return atEdge(async () => {
    const { userId } = await resetPassword(params.token!, password);
    return redirect("/", { headers: { "Set-Cookie": await startSession(userId, request) } });
  });
}

export default function PasswordReset() {
  const reset = useLoaderData<typeof loader>();
  const refused = useActionData<Failure>();
  const navigation = useNavigation();
  const { form, formError, onSubmit, errors } = useSchemaForm(resetPasswordSchema, { password: "", confirm: "" });
  const closed = !reset.open ? reset.reason : refused?.code === "conflict" ? refused.errors.form : null;
  if (closed)
    return (
      <main className="page narrow" id="main">
        <h1>This reset link no longer works</h1>
        <p className="lead" role="alert">
          {closed}
        </p>
        <p>
          <Link to="/login">Sign in</Link>
        </p>
      </main>
    );
  return (
    <main className="page narrow" id="main">
      <h1>Set a new password</h1>
      <p className="lead">For {reset.open ? reset.email : ""}. The link works once.</p>
      <Form method="post" noValidate className="card" onSubmit={onSubmit}>
        <FormError message={formError} />
        <NewPasswordFields password={form.register("password")} confirm={form.register("confirm")} errors={errors} />
        <button type="submit" disabled={navigation.state === "submitting"}>
          Set password and sign in
        </button>
      </Form>
    </main>
  );
}
