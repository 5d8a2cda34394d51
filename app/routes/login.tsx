import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { useSchemaForm } from "~/ui/useSchemaForm";
import { signInSchema } from "~/auth/sign-in.schema";
import { signIn } from "~/auth/sign-in.server";
import { currentUser, startSession } from "~/auth/session.server";
import { safeRedirect } from "~/auth/guard.server";
import { parseRequest } from "~/ui/form.server";
import { atEdge, failure, invalid } from "~/errors.server";
import { Field, FormError } from "~/ui/form";
import { loginOptions, passwordSignInAllowed } from "~/auth/sso-policy.server";
import { SsoButton } from "~/auth/oidc/SsoButton";

export const meta: MetaFunction = () => [{ title: "Sign in · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  if (await currentUser(request)) throw redirect("/");
  return json(await loginOptions(new URL(request.url)));
}

export async function action({ request }: ActionFunctionArgs) {
  const parsed = await parseRequest(request, signInSchema);
  if (!parsed.ok) return invalid(parsed.errors);
  const { email, password, redirectTo } = parsed.data;
  if (!(await passwordSignInAllowed(email))) {
    return failure("forbidden", { form: "Sign in with your organisation's single sign-on." });
  }
  return atEdge(async () => {
    const userId = await signIn(email, password);
    return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": await startSession(userId, request) } });
  });
}

export default function Login() {
  const [params] = useSearchParams();
  const { sso, passwordForm, breakGlass } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { form, formError, onSubmit, errors } = useSchemaForm(signInSchema, {
    email: "",
    password: "",
    redirectTo: params.get("redirectTo") ?? "/",
  });
  return (
    <main className="page narrow" id="main">
      <h1>Sign in</h1>
      <p className="lead">Interview scorecards and hiring-committee packets.</p>
      {sso && !breakGlass ? (
        <SsoButton providerName={sso.providerName} redirectTo={params.get("redirectTo") ?? "/"} />
      ) : null}
      {passwordForm ? (
        <Form method="post" noValidate className="card" onSubmit={onSubmit}>
          <FormError message={formError} />
          <input type="hidden" {...form.register("redirectTo")} />
          <Field id="email" label="Email" error={errors.email}>
            {(aria) => <input type="email" autoComplete="username" {...aria} {...form.register("email")} />}
          </Field>
          <Field id="password" label="Password" error={errors.password}>
            {(aria) => (
              <input type="password" autoComplete="current-password" {...aria} {...form.register("password")} />
            )}
          </Field>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? "Signing in…" : "Sign in"}
          </button>
        </Form>
      ) : null}
    </main>
  );
}
