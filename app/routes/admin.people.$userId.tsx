import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getDb } from "~db/index.server";
import { findPerson } from "~db/queries/people";
import { ROLES } from "~db/schema";
import { notFoundUnless, requireRole, requireId } from "~/auth/guard.server";
import { parseWith, readForm } from "~/ui/form.server";
import { Choices } from "~/ui/Choices";
import { rolesSchema } from "~/people/people.schema";
import { changeActive, changeRoles } from "~/people/people.server";
import { formAction } from "~/ui/respond.server";
import { ROLE_LABEL } from "~/ui/AppShell";
import { useSchemaForm } from "~/ui/useSchemaForm";
import { FormError } from "~/ui/form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.person.name ?? "Person"} · Panel` }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "admin");
  const person = notFoundUnless(await findPerson(getDb(), requireId(params.userId, "person")), "person");
  return json({ person, self: person.id === user.id });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const id = requireId(params.userId, "person");
  notFoundUnless(await findPerson(getDb(), id), "person");
  const form = await readForm(request);
  return formAction(async () => {
    if (form.intent === "deactivate" || form.intent === "reactivate") {
      const result = await changeActive(user, id, form.intent === "reactivate");
      return result.ok ? redirect(`/admin/people/${id}`) : json({ errors: result.errors }, { status: 400 });
    }
    const parsed = parseWith(rolesSchema, form);
    if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
    const result = await changeRoles(user, id, parsed.data.roles);
    return result.ok ? redirect("/admin/people") : json({ errors: result.errors }, { status: 400 });
  });
}

export default function Person() {
  const { person, self } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const activeError = useActionData<{ errors?: Record<string, string> }>()?.errors?.form;
  const { form, onSubmit, errors } = useSchemaForm(rolesSchema, { roles: person.roles });
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
            ? "A deactivated person cannot sign in and is signed out now. Their submitted scorecards stay in the packets."
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
    </main>
  );
}
