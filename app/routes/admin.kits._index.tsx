import { type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { kitIndex } from "~/kits/kit-editor.server";

export const meta: MetaFunction = () => [{ title: "Question kits · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return json(await kitIndex());
}

export default function Kits() {
  const { checks, kits } = useLoaderData<typeof loader>();
  return (
    <main className="page" id="main">
      <h1>Question kits</h1>
      <p className="lead">
        Open a kit to edit it (saved as a new version) or to duplicate it for another role. The{" "}
        <Link to="/admin/rubric">rubric</Link> and the <Link to="/admin/red-flags">red-flag taxonomy</Link> are edited
        the same way.
      </p>
      <p>
        <Link className="button" to="/admin/kits/new">
          New kit
        </Link>
      </p>
      <section aria-labelledby="kits-heading">
        <h2 id="kits-heading">Kits in use</h2>
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Question kits</caption>
            <thead>
              <tr>
                <th scope="col">Kit</th>
                <th scope="col">Version</th>
                <th scope="col">Questions</th>
                <th scope="col">Comes from</th>
              </tr>
            </thead>
            <tbody>
              {kits.map((kit) => (
                <tr key={kit.id}>
                  <td>
                    <Link to={`/admin/kits/${kit.id}`}>{kit.title}</Link>
                    <div className="muted">{kit.id}</div>
                  </td>
                  <td>v{kit.version}</td>
                  <td>{kit.questions}</td>
                  <td>{kit.origin}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="files-heading">
        <h2 id="files-heading">Template files</h2>
        <p className="muted">
          The seed for a new database, checked now against the template schemas. A broken file stops Panel at its next
          start, so fix it before restarting.
        </p>
        <ul className="plain-list">
          {checks.map((check) => (
            <li key={check.file}>
              {check.ok ? (
                <span className="badge submitted">Valid</span>
              ) : (
                <span className="badge overdue">Broken</span>
              )}{" "}
              <code>{check.file}</code>
              {check.ok ? null : <div className="field-error">{check.error}</div>}
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
