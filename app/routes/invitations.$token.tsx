import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { currentUser, startSession } from "~/auth/session.server";
import { parseWith } from "~/ui/form.server";
import { Field, FormError } from "~/ui/form";
import { readForm } from "~/setup/form-data.server";
import { acceptSchema, MIN_PASSWORD, type AcceptInput } from "~/setup/people.schema";
import { acceptInvitation, openInvitation } from "~/setup/people.server";
import { formAction } from "~/setup/respond.server";
import { ROLE_LABEL } from "~/ui/AppShell";
import { useSchemaForm } from "~/ui/useSchemaForm";

export const meta: MetaFunction = () => [{ title: "Join Panel" }];

// Anyone holding the link may open this page: the token is the credential.
async function invitationOr404(token: string | undefined) {
  const invitation = token ? await openInvitation(token) : null;
  if (!invitation) throw new Response("This invitation link is not valid: it was used already or has expired. Ask an admin for a new one.", { status: 404 });
  return invitation;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await invitationOr404(params.token);
  return json({ invitation, signedIn: Boolean(await currentUser(request)) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  await invitationOr404(params.token);
  const parsed = parseWith(acceptSchema, await readForm(request));
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
  return formAction(async () => {
    const result = await acceptInvitation(params.token!, parsed.data);
    if (!result.ok) return json({ errors: result.errors }, { status: 400 });
    return redirect("/", { headers: { "Set-Cookie": await startSession(result.userId, request) } });
  });
}

export default function AcceptInvitation() {
  const { invitation, signedIn } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { form, formError, onSubmit, errors } = useSchemaForm<AcceptInput, any>(acceptSchema, { email: "", name: "", password: "", confirm: "" });
  const setup = invitation.email === null;
  return (
    <main className="page narrow" id="main">
      <h1>{setup ? "Set up Panel" : "Join Panel"}</h1>
      <p className="lead">
        {setup
          ? "This one-time link creates the first admin account. It stops working once used."
          : `You are invited as ${invitation.roles.map((r) => ROLE_LABEL[r]).join(", ")}.`}
      </p>
      {signedIn ? <p className="form-error">You are signed in already; accepting creates a separate account and signs you in as it.</p> : null}
      <Form method="post" noValidate className="card" onSubmit={onSubmit}>
        <FormError message={formError} />
        {setup ? (
          <Field id="email" label="Email" error={errors.email}>
            {(aria) => <input type="email" autoComplete="username" {...aria} {...form.register("email")} />}
          </Field>
        ) : (
          <p>
            Email: <strong>{invitation.email}</strong>
          </p>
        )}
        <Field id="name" label="Your name" error={errors.name}>
          {(aria) => <input type="text" autoComplete="name" {...aria} {...form.register("name")} />}
        </Field>
        <Field id="password" label="Password" hint={`At least ${MIN_PASSWORD} characters.`} error={errors.password}>
          {(aria) => <input type="password" autoComplete="new-password" {...aria} {...form.register("password")} />}
        </Field>
        <Field id="confirm" label="Password again" error={errors.confirm}>
          {(aria) => <input type="password" autoComplete="new-password" {...aria} {...form.register("confirm")} />}
        </Field>
        <button type="submit" disabled={navigation.state === "submitting"}>
          Create my account
        </button>
      </Form>
    </main>
  );
}
