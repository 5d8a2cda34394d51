import { type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { readOutbox } from "~/notifications/admin.server";
import { formatDateTime } from "~/ui/format";

export const meta: MetaFunction = () => [{ title: "Outbox · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return json(await readOutbox(), { headers: { "Cache-Control": "no-store" } });
}

const STATUS_LABEL = { queued: "Queued", sent: "Sent", kept: "Kept (no mail server)", failed: "Failed" } as const;

export default function Outbox() {
  const { smtp, messages } = useLoaderData<typeof loader>();
  return (
    <main className="page" id="main">
      <h1>Outbox</h1>
      <p className="lead">
        {smtp
          ? "Every message Panel has written, newest first, and whether the mail server took it."
          : "No mail server is configured (SMTP_URL), so nothing is sent:" +
            " every message Panel would send is kept here, newest first."}
      </p>
      {messages.length === 0 ? <p>No messages yet.</p> : null}
      <ul className="stack" aria-label="Messages">
        {messages.map((m) => (
          <li key={m.id} className="card">
            <details>
              <summary>
                <strong>{m.subject}</strong> — to {m.recipient_email} · {STATUS_LABEL[m.status]} ·{" "}
                <time dateTime={m.created_at}>{formatDateTime(m.created_at, "UTC")}</time>
              </summary>
              {m.error ? <p className="field-error">Error: {m.error}</p> : null}
              <pre className="message-body">{m.text}</pre>
              {m.ics ? <p>With a calendar invitation (.ics).</p> : null}
            </details>
          </li>
        ))}
      </ul>
    </main>
  );
}
