import { type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { positionsPage } from "~/positions/positions.server";
import { competencyLabel, type CompetencyId } from "~/scorecards/rubric";

export const meta: MetaFunction = () => [{ title: "Positions · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "recruiter", "admin");
  return json({ positions: await positionsPage() });
}

export default function Positions() {
  const { positions } = useLoaderData<typeof loader>();
  return (
    <main className="page" id="main">
      <div className="page-head">
        <h1>Positions</h1>
        <Link className="button" to="/positions/new">
          New position
        </Link>
      </div>
      {positions.length === 0 ? (
        <p className="empty">No positions yet. Create one to start adding candidates.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Positions</caption>
            <thead>
              <tr>
                <th scope="col">Position</th>
                <th scope="col">Levels</th>
                <th scope="col">Kit</th>
                <th scope="col">Must cover</th>
                <th scope="col">Candidates</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {positions.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={`/positions/${p.id}`}>{p.title}</Link>
                    <div className="muted">{p.team}</div>
                  </td>
                  <td>
                    {p.level_min} – {p.level_max}
                  </td>
                  <td>{p.kit_id}</td>
                  <td>{(p.competencies as CompetencyId[]).map(competencyLabel).join(", ")}</td>
                  <td>{p.candidate_count}</td>
                  <td>
                    <span className={`badge ${p.status}`}>{p.status === "open" ? "Open" : "Closed"}</span>
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
