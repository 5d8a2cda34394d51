import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { getDb } from "~db/index.server";
import { listPeople } from "~db/queries/people";
import { ROLES } from "~db/schema";
import { requireRole } from "~/auth/guard.server";
import { formatDate } from "~/ui/format";
import { useTimeZone } from "~/ui/useTimeZone";
import { Field, FormError } from "~/ui/form";
import { parseWith, readForm } from "~/ui/form.server";
import { Choices } from "~/ui/Choices";
import { inviteSchema, type InviteInput } from "~/people/people.schema";
import { createInvitation, listInvitations } from "~/people/invitations.server";
import { ROLE_LABEL } from "~/ui/AppShell";
import { useSchemaForm } from "~/ui/useSchemaForm";

export const meta: MetaFunction = () => [{ title: "People · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const [people, invitations] = await Promise.all([listPeople(getDb()), listInvitations()]);
  return json({ people, invitations, key: crypto.randomUUID() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const parsed = parseWith(inviteSchema, await readForm(request));
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
  const result = await createInvitation(user, parsed.data);
  if (!result.ok) return json({ errors: result.errors }, { status: 400 });
  return json({ invited: { email: parsed.data.email, link: result.link } });
}

export default function People() {
  const timeZone = useTimeZone();
  const { people, invitations, key } = useLoaderData<typeof loader>();
  const invited = useActionData<{ invited?: { email: string; link: string } }>()?.invited;
  const navigation = useNavigation();
  const defaults: InviteInput = { email: "", roles: ["interviewer"], idempotencyKey: key };
  const { form, formError, onSubmit, errors } = useSchemaForm(inviteSchema, defaults);
  // After an invitation the page has a fresh key: the next one is a new form.
  useEffect(() => form.reset({ email: "", roles: ["interviewer"], idempotencyKey: key }), [key, form]);
  return (
    <main className="page" id="main">
      <h1>People</h1>
      {invited ? (
        <div className="notice" role="status">
          <p>
            <strong>Invitation for {invited.email} created.</strong> There is no mail server: send them this link
            yourself. It works once and expires in 7 days.
          </p>
          <p>
            <code>{invited.link}</code>
          </p>
        </div>
      ) : null}
      <div className="hub">
        <section aria-labelledby="people-heading">
          <h2 id="people-heading" className="sr-only">
            Everyone
          </h2>
          <div className="table-wrap">
            <table>
              <caption className="sr-only">People and their roles</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Roles</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {people.map((p) => (
                  <tr key={p.id}>
                    <td>
                      <Link to={`/admin/people/${p.id}`}>{p.name}</Link>
                      <div className="muted">{p.email}</div>
                    </td>
                    <td>{p.roles.map((r) => ROLE_LABEL[r]).join(", ") || <span className="muted">None</span>}</td>
                    <td>
                      {p.active ? (
                        <span className="badge open">Active</span>
                      ) : (
                        <span className="badge closed">Deactivated</span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {invitations.length ? (
            <>
              <h2>Open invitations</h2>
              <ul className="plain-list">
                {invitations.map((i) => (
                  <li key={i.id}>
                    {i.email}{" "}
                    <span className="muted">
                      · {i.roles.map((r) => ROLE_LABEL[r]).join(", ")} · expires {formatDate(i.expiresAt, timeZone)}
                    </span>
                  </li>
                ))}
              </ul>
              <p>
                <Link to="/admin/invitations">Revoke or resend invitations</Link>
              </p>
            </>
          ) : null}
        </section>
        <aside>
          <Form method="post" noValidate className="card" onSubmit={onSubmit}>
            <h2>Invite someone</h2>
            <FormError message={formError} />
            <input type="hidden" {...form.register("idempotencyKey")} />
            <Field id="email" label="Email" error={errors.email}>
              {(aria) => <input type="email" autoComplete="off" {...aria} {...form.register("email")} />}
            </Field>
            <Choices
              id="roles"
              legend="Roles"
              options={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
              error={errors.roles}
              register={form.register("roles")}
            />
            <button type="submit" disabled={navigation.state === "submitting"}>
              Create invitation link
            </button>
          </Form>
        </aside>
      </div>
    </main>
  );
}
