import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { FormError } from "~/ui/form";
import { parseWith, readForm } from "~/ui/form.server";
import { formatDate } from "~/ui/format";
import { useTimeZone } from "~/ui/useTimeZone";
import { listInvitations, resendInvitation, revokeInvitation } from "~/people/invitations.server";
import { invitationActionSchema } from "~/people/people.schema";
import { atEdge, invalid } from "~/errors.server";
import type { FormResult } from "~/ui/form-result";
import { invitationDelivery } from "~/people/people.server";
import { DeliveryNote } from "~/people/DeliveryNote";
import { ROLE_LABEL } from "~/ui/AppShell";

export const meta: MetaFunction = () => [{ title: "Open invitations · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return json(
    { invitations: await listInvitations(), delivery: invitationDelivery() },
    { headers: { "Cache-Control": "no-store" } },
  );
}

type Done = FormResult<{ done: { intent: "revoke" | "resend"; email: string; link?: string } }>;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const parsed = parseWith(invitationActionSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  const { intent, invitationId } = parsed.data;
  return atEdge(async () => {
    if (intent === "revoke")
      return json({ ok: true, done: { intent, ...(await revokeInvitation(user, invitationId)) } });
    return json(
      { ok: true, done: { intent, ...(await resendInvitation(user, invitationId)) } },
      { headers: { "Cache-Control": "no-store" } },
    );
  });
}

export default function OpenInvitations() {
  const timeZone = useTimeZone();
  const { invitations, delivery } = useLoaderData<typeof loader>();
  const result = useActionData<Done>();
  const done = result?.ok ? result.done : undefined;
  const refusal = result?.ok === false ? (result.errors.form ?? result.errors.invitationId) : undefined;
  const busy = useNavigation().state === "submitting";
  return (
    <main className="page" id="main">
      <p>
        <Link to="/admin/people">← People</Link>
      </p>
      <h1>Open invitations</h1>
      <FormError message={refusal} />
      {done?.intent === "revoke" ? (
        <p className="notice" role="status">
          The invitation for {done.email} is revoked: its link no longer works.
        </p>
      ) : null}
      {done?.link ? (
        <div className="notice" role="status">
          <p>
            <strong>New link for {done.email}.</strong> The old link no longer works.{" "}
            <DeliveryNote email={done.email} delivery={delivery} />
          </p>
          <p>
            <code>{done.link}</code>
          </p>
        </div>
      ) : null}
      {invitations.length === 0 ? (
        <p className="empty">No open invitations.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Invitations not yet used</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Roles</th>
                <th scope="col">Invited by</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invitations.map((i) => (
                <tr key={i.id}>
                  <th scope="row">{i.email}</th>
                  <td>{i.roles.map((r) => ROLE_LABEL[r]).join(", ")}</td>
                  <td>{i.invitedBy ?? "—"}</td>
                  <td>{formatDate(i.expiresAt, timeZone)}</td>
                  <td>
                    <Form method="post" className="inline-actions">
                      <input type="hidden" name="invitationId" value={i.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="resend"
                        className="secondary"
                        disabled={busy}
                        aria-label={`Resend invitation for ${i.email}`}
                      >
                        Resend
                      </button>{" "}
                      <button
                        type="submit"
                        name="intent"
                        value="revoke"
                        className="danger"
                        disabled={busy}
                        aria-label={`Revoke invitation for ${i.email}`}
                      >
                        Revoke
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
