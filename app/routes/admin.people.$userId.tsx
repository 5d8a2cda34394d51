import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ROLES } from "~/auth/roles";
import { notFoundUnless, requireRole, requireId } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { parseWith, readForm } from "~/ui/form.server";
import type { FormResult } from "~/ui/form-result";
import { Choices } from "~/ui/Choices";
import { personActionSchema, rolesSchema } from "~/people/people.schema";
import { changeActive, changeRoles, personPage } from "~/people/people.server";
import { issuePasswordReset } from "~/auth/passwords.server";
import { ROLE_LABEL } from "~/ui/AppShell";
import { useSchemaForm } from "~/ui/useSchemaForm";
import { FormError } from "~/ui/form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? "Person"} · Panel` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "admin");
  const person = notFoundUnless(await personPage(requireId(params.userId, "person")), "person");
  return json({ person, self: person.id === user.id });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const id = requireId(params.userId, "person");
  const parsed = parseWith(personActionSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  const input = parsed.data;
  return atEdge(async () => {
    if (input.intent === "roles") {
      await changeRoles(user, id, input.roles);
      return redirect("/admin/people");
    }
    if (input.intent === "reset-password") return json({ ok: true, reset: await issuePasswordReset(user, id) });
    await changeActive(user, id, input.intent === "reactivate");
    return redirect(`/admin/people/${id}`);
  });
}

export default function Person() {
  const { person, self } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const result = useActionData<FormResult<{ reset?: { email: string; link: string } }>>();
  const activeError = result?.ok === false ? result.errors.form : undefined;
  const reset = result?.ok ? result.reset : undefined;
  const { form, onSubmit, errors } = useSchemaForm(rolesSchema, { intent: "roles", roles: person.roles });
  return (
    <main className="page narrow" id="main">
      <p>
        <Link to="/admin/people">← People</Link>
      </p>
      <h1>
        {person.name} {person.active ? null : <span className="badge closed">Deactivated</span>}
      </h1>
      <p className="lead">{person.email}</p>
      <Form method="post" noValidate className="card" onSubmit={onSubmit}>
        <input type="hidden" {...form.register("intent")} />
        <Choices
          id="roles"
          legend="Roles"
          hint={self ? "You cannot remove your own admin role while you are the only admin." : undefined}
          options={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
          error={errors.roles}
          register={form.register("roles")}
        />
        <button type="submit" disabled={navigation.state === "submitting"}>
          Save roles
        </button>
      </Form>
      <Form method="post" className="card">
        <h2>{person.active ? "Deactivate" : "Reactivate"}</h2>
        <FormError message={activeError} />
        <p className="muted">
          {person.active
            ? "A deactivated person cannot sign in and is signed out now. " +
              "Their submitted scorecards stay in the packets."
            : "They can sign in again with their old password."}
        </p>
        <button
          type="submit"
          name="intent"
          value={person.active ? "deactivate" : "reactivate"}
          className={person.active ? "danger" : "secondary"}
        >
          {person.active ? "Deactivate" : "Reactivate"}
        </button>
      </Form>
      {person.active ? (
        <Form method="post" className="card">
          <h2>Reset password</h2>
          {reset ? (
            <div className="notice" role="status">
              <p>
                <strong>Reset link for {reset.email} created.</strong> They are signed out everywhere; the link was sent
                to them by email (or kept in the outbox). It works once and expires in 24 hours.
              </p>
              <p>
                <code>{reset.link}</code>
              </p>
            </div>
          ) : (
            <p className="muted">
              Signs them out everywhere and gives you a one-time link, valid 24 hours, where they set a new password.
            </p>
          )}
          <button type="submit" name="intent" value="reset-password" className="secondary">
            Reset password
          </button>
        </Form>
      ) : null}
    </main>
  );
}
