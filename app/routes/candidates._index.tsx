import { type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { Form, Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { candidateListPage } from "~/candidates/candidates.server";
import { CandidateTable } from "~/candidates/CandidateTable";
import { CANDIDATE_SORTS, parseCandidateList, type CandidateListQuery } from "~/candidates/candidate-list.schema";
import { INTERVIEW_STAGES, STAGE_LABELS } from "~/vocabulary/stages";
import { DECISION_OUTCOMES, OUTCOME_LABELS } from "~/vocabulary/decisions";

export const meta: MetaFunction = () => [{ title: "Candidates · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "recruiter", "committee", "admin");
  const filter = parseCandidateList(new URL(request.url));
  return json({ ...(await candidateListPage(user, filter)), filter });
}

export default function Candidates() {
  const { candidates, positions, filter, archived, manages } = useLoaderData<typeof loader>();
  const filtered = Boolean(filter.q || filter.position || filter.stage || filter.decision);
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
      <CandidateFilters filter={filter} positions={positions} />
      {filtered && candidates.length === 0 ? (
        <p className="empty">
          No candidates match these filters. <Link to="/candidates">Show all candidates</Link>
        </p>
      ) : (
        <CandidateTable candidates={candidates} />
      )}
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

// A plain GET form: the filters live in the URL, so a view can be bookmarked, shared and reloaded.
function CandidateFilters({
  filter,
  positions,
}: {
  filter: CandidateListQuery;
  positions: { id: string; title: string }[];
}) {
  return (
    <Form
      method="get"
      className="candidate-filters"
      role="search"
      aria-label="Find candidates"
      key={JSON.stringify(filter)}
    >
      <div className="field">
        <label htmlFor="q">Search</label>
        <input id="q" name="q" type="search" defaultValue={filter.q} placeholder="Name or email" />
      </div>
      <div className="field">
        <label htmlFor="position">Position</label>
        <select id="position" name="position" defaultValue={filter.position}>
          <option value="">All positions</option>
          {positions.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="stage">Stage</label>
        <select id="stage" name="stage" defaultValue={filter.stage}>
          <option value="">All stages</option>
          {INTERVIEW_STAGES.map((s) => (
            <option key={s} value={s}>
              {STAGE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="decision">Decision</label>
        <select id="decision" name="decision" defaultValue={filter.decision}>
          <option value="">Any decision</option>
          <option value="pending">Pending</option>
          {DECISION_OUTCOMES.map((d) => (
            <option key={d} value={d}>
              {OUTCOME_LABELS[d]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="sort">Sort by</label>
        <select id="sort" name="sort" defaultValue={filter.sort}>
          {Object.entries(CANDIDATE_SORTS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="filter-actions">
        <button type="submit">Apply</button>
        <Link to="/candidates" className="button secondary">
          Clear
        </Link>
      </div>
    </Form>
  );
}
