import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ROLES } from "~/auth/roles";
import { notFoundUnless, requireRole, requireId } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { parseWith, readForm } from "~/ui/form.server";
import type { Failure } from "~/ui/form-result";
import { Choices } from "~/ui/Choices";
import { personActionSchema, rolesSchema } from "~/people/people.schema";
import { changeActive, changeRoles, personPage } from "~/people/people.server";
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
    await changeActive(user, id, input.intent === "reactivate");
    return redirect(`/admin/people/${id}`);
  });
}

export default function Person() {
  const { person, self } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const activeError = useActionData<Failure>()?.errors?.form;
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
    </main>
  );
}
