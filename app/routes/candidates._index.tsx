import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { getDb } from "~db/index.server";
import { listArchivedCandidates } from "~db/queries/candidates";
import { requireRole } from "~/auth/guard.server";
import { hasRole } from "~/auth/roles";
import { candidatesFor } from "~/setup/candidates.server";
import { CandidateTable } from "~/setup/CandidateTable";

export const meta: MetaFunction = () => [{ title: "Candidates · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "recruiter", "committee", "admin");
  const manages = hasRole(user, "recruiter", "admin");
  const [candidates, archived] = await Promise.all([candidatesFor(user), manages ? listArchivedCandidates(getDb()) : Promise.resolve([])]);
  return json({ candidates, archived, manages });
}

export default function Candidates() {
  const { candidates, archived, manages } = useLoaderData<typeof loader>();
  const imported = useSearchParams()[0].get("imported");
  return (
    <main className="page" id="main">
      <div className="page-head">
        <h1>{manages ? "Candidates" : "Candidates on your committees"}</h1>
        {manages ? (
          <div className="actions">
            <Link className="button" to="/candidates/new">
              Add candidate
            </Link>
            <Link className="button secondary" to="/candidates/import">
              Import from CSV
            </Link>
          </div>
        ) : null}
      </div>
      {imported ? (
        <p className="notice" role="status">
          Imported {imported} candidate{imported === "1" ? "" : "s"}.
        </p>
      ) : null}
      <CandidateTable candidates={candidates} />
      {archived.length ? (
        <details className="archived">
          <summary>Archived candidates ({archived.length})</summary>
          <ul className="plain-list">
            {archived.map((c) => (
              <li key={c.id}>
                <Link to={`/candidates/${c.id}`}>{c.name}</Link> <span className="muted">· {c.position_title}</span>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </main>
  );
}
