import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { getSettings } from "~/env.server";
import { atEdge, invalid } from "~/errors.server";
import { ErrorText, fieldAria } from "~/ui/ErrorText";
import { readForm, parseWith } from "~/ui/form.server";
import { TableHead } from "~/ui/TableHead";
import { changeWebhooks, readWebhooks } from "~/webhooks/admin.server";
import { WEBHOOK_EVENTS, webhookActionSchema } from "~/webhooks/webhook.schema";

export const meta: MetaFunction = () => [{ title: "Webhooks · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return json(await readWebhooks(), { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const parsed = parseWith(webhookActionSchema(getSettings().NODE_ENV === "production"), await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  return atEdge(async () => {
    await changeWebhooks(user, parsed.data);
    return json({ ok: true as const, done: parsed.data.intent });
  });
}

export default function Webhooks() {
  const { endpoints, deliveries } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.ok === false ? result.errors : undefined;
  return (
    <main className="page" id="main">
      <h1>Webhooks</h1>
      <p className="lead">
        Panel posts events to these addresses, signed: the <code>Panel-Signature</code> header is{" "}
        <code>t=TIMESTAMP,v1=HEX</code>, the HMAC-SHA256 of <code>TIMESTAMP.RAW_BODY</code> with the endpoint's secret.
        Payloads carry ids and links, not feedback, unless you turn that on. Failed deliveries are retried with backoff.
      </p>
      <section aria-labelledby="endpoints-heading">
        <h2 id="endpoints-heading">Endpoints</h2>
        {endpoints.length === 0 ? <p>No endpoints yet.</p> : null}
        <ul className="stack">
          {endpoints.map((e) => (
            <li key={e.id} className="card">
              <p>
                <strong>{e.url}</strong> · {e.format === "slack" ? "Slack message" : "Panel JSON"} ·{" "}
                {e.events.join(", ")}
                {e.include_feedback ? " · includes feedback" : ""}
              </p>
              <p>
                Signing secret: <code>{e.secret}</code>
              </p>
              <Form method="post" className="inline">
                <input type="hidden" name="id" value={e.id} />
                <button type="submit" name="intent" value="rotate">
                  Rotate secret
                </button>{" "}
                <button type="submit" name="intent" value="delete">
                  Remove
                </button>
              </Form>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="add-heading">
        <h2 id="add-heading">Add an endpoint</h2>
        <Form method="post" className="card" noValidate>
          <input type="hidden" name="intent" value="create" />
          <div className="field">
            <label htmlFor="url">URL</label>
            <input
              id="url"
              name="url"
              type="url"
              placeholder="https://example.com/panel-events"
              {...fieldAria(errors, "url")}
            />
            <ErrorText errors={errors} name="url" />
          </div>
          <div className="field">
            <label htmlFor="format">Format</label>
            <select id="format" name="format" defaultValue="panel">
              <option value="panel">Panel JSON (signed)</option>
              <option value="slack">Slack incoming webhook</option>
            </select>
          </div>
          <fieldset className="field" {...fieldAria(errors, "events")}>
            <legend>Events</legend>
            {WEBHOOK_EVENTS.map((event) => (
              <label key={event} className="choice">
                <input type="checkbox" name="events" value={event} defaultChecked /> {event}
              </label>
            ))}
            <ErrorText errors={errors} name="events" />
          </fieldset>
          <label className="choice">
            <input type="checkbox" name="includeFeedback" /> Include the feedback itself in scorecard events
          </label>
          <button type="submit">Add endpoint</button>
        </Form>
      </section>
      <section aria-labelledby="log-heading">
        <h2 id="log-heading">Delivery log</h2>
        <table>
          <TableHead columns={["Event", "Endpoint", "Status", "Attempts", "Last response"]} />
          <tbody>
            {deliveries.map((d) => (
              <tr key={d.id}>
                <td>{d.event}</td>
                <td>{d.url}</td>
                <td>{d.status}</td>
                <td>{d.attempts}</td>
                <td>{d.error ?? d.response_status}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </main>
  );
}
