import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { ROLES } from "~/auth/roles";
import { requireRole } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { formatDate } from "~/ui/format";
import { useTimeZone } from "~/ui/useTimeZone";
import { Field, FormError } from "~/ui/form";
import { nextIdempotencyKey } from "~/ui/form-fields";
import { parseWith, readForm } from "~/ui/form.server";
import type { FormResult } from "~/ui/form-result";
import { Choices } from "~/ui/Choices";
import { inviteSchema } from "~/people/people.schema";
import { createInvitation } from "~/people/invitations.server";
import { peoplePage } from "~/people/people.server";
import { DeliveryNote } from "~/people/DeliveryNote";
import { ROLE_LABEL } from "~/ui/AppShell";
import { useSchemaForm } from "~/ui/useSchemaForm";

export const meta: MetaFunction = () => [{ title: "People · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return json({ ...(await peoplePage()), key: crypto.randomUUID() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const parsed = parseWith(inviteSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  const invite = parsed.data;
  return atEdge(async () =>
    json({ ok: true, invited: { email: invite.email, ...(await createInvitation(user, invite)) } }),
  );
}

type Invited = FormResult<{ invited: { email: string; link: string } }>;

export default function People() {
  const timeZone = useTimeZone();
  const { people, invitations, delivery, key } = useLoaderData<typeof loader>();
  const result = useActionData<Invited>();
  const invited = result?.ok ? result.invited : undefined;
  const navigation = useNavigation();
  const { form, formError, onSubmit, errors } = useSchemaForm(inviteSchema, {
    email: "",
    roles: ["interviewer"],
    idempotencyKey: key,
  });
  // Every reload of the page brings a fresh one-time key, but only an invitation empties the
  // form: after a refusal the typed email stays, with the reason on its field.
  useEffect(() => form.setValue("idempotencyKey", key), [key, form]);
  useEffect(() => {
    if (invited) form.reset({ email: "", roles: ["interviewer"], idempotencyKey: nextIdempotencyKey() });
  }, [invited, form]);
  return (
    <main className="page" id="main">
      <h1>People</h1>
      {invited ? (
        <div className="notice" role="status">
          <p>
            <strong>Invitation for {invited.email} created.</strong>{" "}
            <DeliveryNote email={invited.email} delivery={delivery} />
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
            <p className="muted">
              {delivery === "email"
                ? "The invitation is sent by email, and its link is shown here too."
                : "No mail server is configured: the invitation email is kept in the outbox for admins to read, " +
                  "and its link is shown here for you to send."}
            </p>
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
