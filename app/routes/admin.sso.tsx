import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { ssoAdminSchema } from "~/auth/sso-admin.schema";
import { changeSsoPolicy, ssoAdminPage } from "~/auth/sso-policy.server";
import { createScimToken, revokeToken } from "~/auth/scim/tokens.server";
import { readForm, parseWith } from "~/ui/form.server";
import { atEdge, invalid } from "~/errors.server";
import { Field, FormError } from "~/ui/form";
import { formatDate } from "~/ui/format";
import { useTimeZone } from "~/ui/useTimeZone";

export const meta: MetaFunction = () => [{ title: "Single sign-on · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return json(await ssoAdminPage());
}

type ActionData = { errors?: Record<string, string>; token?: string; saved?: boolean };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const parsed = parseWith(ssoAdminSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  const input = parsed.data;
  return atEdge(async () => {
    if (input.intent === "policy")
      await changeSsoPolicy(user, { ssoRequired: input.ssoRequired, breakGlassUserId: input.breakGlassUserId });
    if (input.intent === "revoke-token") await revokeToken(user, input.tokenId);
    if (input.intent === "create-token") return json({ token: await createScimToken(user, input.label) });
    return json({ saved: true });
  });
}

export default function SingleSignOn() {
  const timeZone = useTimeZone();
  const { provider, policy, admins, tokens, scimUrl } = useLoaderData<typeof loader>();
  const data = useActionData<ActionData>();
  return (
    <main className="page narrow" id="main">
      <h1>Single sign-on</h1>
      <section className="card" aria-labelledby="provider-heading">
        <h2 id="provider-heading">Identity provider</h2>
        {provider ? (
          <dl>
            <dt>Provider</dt>
            <dd>{provider.name}</dd>
            <dt>Issuer</dt>
            <dd>
              <code>{provider.issuer}</code>
            </dd>
            <dt>Redirect URI to register</dt>
            <dd>
              <code>{provider.redirectUri}</code>
            </dd>
            <dt>Roles</dt>
            <dd>
              {provider.roleClaim ? (
                <>
                  From the <code>{provider.roleClaim}</code> claim at every sign-in
                </>
              ) : (
                "Managed in Panel"
              )}
            </dd>
          </dl>
        ) : (
          <p>
            Not configured: set OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET and OIDC_ALLOWED_DOMAINS and restart
            Panel.
          </p>
        )}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="policy" />
          <FormError message={data?.errors?.form} />
          <div className="field">
            <label>
              <input type="checkbox" name="ssoRequired" defaultChecked={policy.ssoRequired} disabled={!provider} />{" "}
              Require single sign-on for everyone except the break-glass admin
            </label>
          </div>
          <Field
            id="breakGlassUserId"
            label="Break-glass admin"
            hint="Still signs in with a password, at /login?break-glass, if the provider is down."
            error={{ message: data?.errors?.breakGlassUserId }}
          >
            {(aria) => (
              <select name="breakGlassUserId" defaultValue={policy.breakGlassUserId ?? ""} {...aria}>
                <option value="">None</option>
                {admins.map((a) => (
                  <option key={a.id} value={a.id}>
                    {a.name} ({a.email})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit">Save</button>
          {data?.saved ? <p role="status">Saved.</p> : null}
        </Form>
      </section>
      <section className="card" aria-labelledby="scim-heading">
        <h2 id="scim-heading">Provisioning (SCIM 2.0)</h2>
        <p>
          Base URL for the provider: <code>{scimUrl}</code>
        </p>
        {data?.token ? (
          <div className="notice" role="status">
            <p>
              <strong>Copy this token now:</strong> it is not shown again.
            </p>
            <p>
              <code>{data.token}</code>
            </p>
          </div>
        ) : null}
        {tokens.length ? (
          <table>
            <caption className="sr-only">Provisioning tokens</caption>
            <thead>
              <tr>
                <th scope="col">Token</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">
                  <span className="sr-only">Revoke</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id}>
                  <td>{t.label}</td>
                  <td>{formatDate(t.created_at, timeZone)}</td>
                  <td>{t.last_used_at ? formatDate(t.last_used_at, timeZone) : "Never"}</td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="revoke-token" />
                      <input type="hidden" name="tokenId" value={t.id} />
                      <button type="submit" className="secondary small">
                        Revoke {t.label}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No tokens yet.</p>
        )}
        <Form method="post" noValidate>
          <input type="hidden" name="intent" value="create-token" />
          <Field id="label" label="New token for" error={{ message: data?.errors?.label }}>
            {(aria) => <input type="text" name="label" {...aria} />}
          </Field>
          <button type="submit">Create token</button>
        </Form>
      </section>
    </main>
  );
}
