import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import type { Role } from "~/auth/roles";
import { currentUser, startSession } from "~/auth/session.server";
import { parseWith, readForm } from "~/ui/form.server";
import { Field, FormError } from "~/ui/form";
import { acceptSchema, MIN_PASSWORD } from "~/people/people.schema";
import { acceptInvitation, openInvitation } from "~/people/invitations.server";
import { atEdge, DomainError, invalid } from "~/errors.server";
import { ROLE_LABEL } from "~/ui/AppShell";
import { useSchemaForm } from "~/ui/useSchemaForm";

export const meta: MetaFunction = () => [{ title: "Join Panel" }];

// Anyone holding the link may open this page: the token is the credential. A token that names
// no invitation is a 404; a used, revoked, superseded or expired one says why (410).
async function invitationOr404(token: string | undefined) {
  const invitation = token ? await openInvitation(token) : null;
  if (!invitation)
    throw new Response(
      "This invitation link is not valid. Check that you copied all of it, or ask an admin for a new one.",
      { status: 404 },
    );
  return invitation;
}

const closed = (reason: string) => json({ invitation: null, reason, signedIn: false }, { status: 410 });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invitation = await invitationOr404(params.token);
  if (!invitation.open) return closed(invitation.reason);
  return json({ invitation, reason: null, signedIn: Boolean(await currentUser(request)) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const invitation = await invitationOr404(params.token);
  if (!invitation.open) return closed(invitation.reason);
  const parsed = parseWith(acceptSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  const data = parsed.data;
  return atEdge(async () => {
    try {
      const { userId } = await acceptInvitation(params.token!, data);
      return redirect("/", { headers: { "Set-Cookie": await startSession(userId, request) } });
    } catch (error) {
      // Closed between the check above and the transaction (used in another tab, revoked): the
      // page that says why, as for a link that was closed already.
      if (error instanceof DomainError && error.code === "conflict") return closed(error.message);
      throw error;
    }
  });
}

export default function AcceptInvitation() {
  const { invitation, reason, signedIn } = useLoaderData<typeof loader>();
  const closedNow = useActionData<{ reason?: string | null }>()?.reason;
  if (!invitation || closedNow) return <ClosedInvitation reason={closedNow ?? reason ?? ""} />;
  return <AcceptForm invitation={invitation} signedIn={signedIn} />;
}

function ClosedInvitation({ reason }: { reason: string }) {
  return (
    <main className="page narrow" id="main">
      <h1>This invitation no longer works</h1>
      <p className="lead" role="alert">
        {reason}
      </p>
      <p>
        <Link to="/login">Sign in</Link>
      </p>
    </main>
  );
}

function AcceptForm({
  invitation,
  signedIn,
}: {
  invitation: { email: string | null; roles: Role[] };
  signedIn: boolean;
}) {
  const navigation = useNavigation();
  const { form, formError, onSubmit, errors } = useSchemaForm(acceptSchema, {
    email: "",
    name: "",
    password: "",
    confirm: "",
  });
  const setup = invitation.email === null;
  return (
    <main className="page narrow" id="main">
      <h1>{setup ? "Set up Panel" : "Join Panel"}</h1>
      <p className="lead">
        {setup
          ? "This one-time link creates the first admin account. It stops working once used."
          : `You are invited as ${invitation.roles.map((r) => ROLE_LABEL[r]).join(", ")}.`}
      </p>
      {signedIn ? (
        <p className="form-error">
          You are signed in already; accepting creates a separate account and signs you in as it.
        </p>
      ) : null}
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
