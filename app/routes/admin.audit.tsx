import { type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { readAudit } from "~/audit/audit.server";
import { actionName } from "~/audit/sentence";
import { formatDateTime } from "~/ui/format";
import { useTimeZone } from "~/ui/useTimeZone";

export const meta: MetaFunction = () => [{ title: "Audit log · Panel" }];

// Read-only on purpose: the log has no action here, and the database refuses UPDATE and DELETE.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const page = await readAudit(new URL(request.url).searchParams);
  return json(page, { status: page.errors ? 400 : 200, headers: { "Cache-Control": "no-store" } });
}

export default function AuditLog() {
  const { filter, errors, entries, olderThan, facets } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const timeZone = useTimeZone();
  const older = new URLSearchParams(params);
  if (olderThan) older.set("before", String(olderThan));
  const newest = new URLSearchParams(params);
  newest.delete("before");
  const error = (name: string) =>
    errors?.[name] ? (
      <p className="field-error" id={`${name}-error`}>
        {errors[name]}
      </p>
    ) : null;
  const aria = (name: string) => (errors?.[name] ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});
  return (
    <main className="page" id="main">
      <h1>Audit log</h1>
      <p className="lead">
        Every sign-in, scorecard submission and amendment, decision, export and packet download, newest first. Entries
        cannot be changed or deleted; each keeps its raw record under “Record”. The date filter takes whole UTC days.
      </p>
      <Form method="get" className="card filters" aria-label="Filter the audit log">
        <div className="field">
          <label htmlFor="actor">Who</label>
          <select id="actor" name="actor" defaultValue={filter.actor} {...aria("actor")}>
            <option value="">Anyone</option>
            {facets.actors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name} ({a.email})
              </option>
            ))}
          </select>
          {error("actor")}
        </div>
        <div className="field">
          <label htmlFor="action">What</label>
          <select id="action" name="action" defaultValue={filter.action} {...aria("action")}>
            <option value="">Any action</option>
            {facets.actions.map((a) => (
              <option key={a} value={a}>
                {actionName(a)}
              </option>
            ))}
          </select>
          {error("action")}
        </div>
        <div className="field">
          <label htmlFor="from">From</label>
          <input id="from" name="from" type="date" defaultValue={filter.from} {...aria("from")} />
          {error("from")}
        </div>
        <div className="field">
          <label htmlFor="to">To (included)</label>
          <input id="to" name="to" type="date" defaultValue={filter.to} {...aria("to")} />
          {error("to")}
        </div>
        <button type="submit">Filter</button> <Link to="/admin/audit">Clear</Link>
      </Form>
      {entries.length === 0 ? (
        <p className="empty">No entries match this filter.</p>
      ) : (
        <div className="card">
          <ol className="timeline" aria-label="Audit entries, newest first">
            {entries.map((e) => (
              <li key={e.id}>
                <time className="timeline-when" dateTime={e.at}>
                  {formatDateTime(e.at, timeZone)}
                </time>
                <div className="timeline-body">
                  <p className="audit-sentence">
                    {e.sentence.map((part, i) =>
                      typeof part === "string" ? (
                        part
                      ) : (
                        <Link key={i} to={part.href}>
                          {part.text}
                        </Link>
                      ),
                    )}
                  </p>
                  <details className="audit-record">
                    <summary>Record</summary>
                    <dl>
                      <dt>Action</dt>
                      <dd>
                        <code>{e.action}</code>
                      </dd>
                      <dt>Who</dt>
                      <dd>{e.actor_name ? `${e.actor_name} (${e.actor_email})` : "Nobody signed in"}</dd>
                      <dt>Subject</dt>
                      <dd>{e.subject_type ? `${e.subject_type} ${e.subject_id ?? ""}` : "—"}</dd>
                      <dt>From</dt>
                      <dd>{[e.client_address, e.user_agent].filter(Boolean).join(" · ") || "—"}</dd>
                      <dt>Details</dt>
                      <dd>
                        <code className="wrap">{JSON.stringify(e.details)}</code>
                      </dd>
                    </dl>
                  </details>
                </div>
              </li>
            ))}
          </ol>
        </div>
      )}
      <nav aria-label="Audit pages" className="pager">
        {params.has("before") ? <Link to={`?${newest}`}>← Newest entries</Link> : null}{" "}
        {olderThan ? <Link to={`?${older}`}>Older entries →</Link> : null}
      </nav>
    </main>
  );
}
