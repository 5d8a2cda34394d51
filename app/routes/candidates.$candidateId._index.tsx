import { type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole, requireId } from "~/auth/guard.server";
import { pageAtEdge } from "~/errors.server";
import { competencyLabel, type CompetencyId } from "~/scorecards/rubric";
import { formatDate, formatDateTime } from "~/ui/format";
import { useTimeZone } from "~/ui/useTimeZone";
import { stageLabel } from "~/vocabulary/stages";
import { loadCandidatePage } from "~/candidates/candidate-page.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.candidate.name ?? "Candidate"} · Panel` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "recruiter", "committee", "admin");
  const id = requireId(params.candidateId, "candidate");
  return json(await pageAtEdge(() => loadCandidatePage(user, id)));
}

const FEEDBACK: Record<string, { label: string; badge: string }> = {
  upcoming: { label: "Upcoming", badge: "" },
  due: { label: "Feedback due", badge: "due" },
  overdue: { label: "Overdue", badge: "overdue" },
  submitted: { label: "Submitted", badge: "submitted" },
  cancelled: { label: "Cancelled", badge: "cancelled" },
};
const SCORECARD: Record<string, string> = { "not-started": "Not started", draft: "Draft", submitted: "Submitted" };
const DECISION: Record<string, string> = { hire: "Hire", "no-hire": "No hire", "more-interviews": "More interviews" };

export default function CandidateHub() {
  const timeZone = useTimeZone();
  const page = useLoaderData<typeof loader>();
  const { candidate, manages } = page;
  return (
    <main className="page" id="main">
      <p>
        <Link to="/candidates">← Candidates</Link>
      </p>
      <div className="page-head">
        <div>
          <h1>
            {candidate.name} {candidate.archived_at ? <span className="badge closed">Archived</span> : null}
          </h1>
          <p className="lead">
            {candidate.position_title} · {candidate.level_applied ?? "Level not stated"} · {candidate.email}
            {candidate.source ? ` · ${candidate.source}` : ""}
            {candidate.cv_url ? (
              <>
                {" · "}
                <a href={candidate.cv_url} rel="noreferrer noopener" target="_blank">
                  CV
                </a>
              </>
            ) : null}
          </p>
        </div>
        <div className="actions">
          <Link className="button" to={`/candidates/${candidate.id}/packet`}>
            Committee packet
          </Link>
          {manages ? (
            <Link className="button secondary" to={`/candidates/${candidate.id}/edit`}>
              Edit candidate
            </Link>
          ) : null}
        </div>
      </div>
      <div className="hub">
        <section aria-labelledby="loop-heading" className="card">
          <div className="section-head">
            <h2 id="loop-heading">Interview loop</h2>
            {manages && !candidate.archived_at ? (
              <Link className="button" to={`/candidates/${candidate.id}/interviews/new`}>
                Schedule interview
              </Link>
            ) : null}
            {manages && !candidate.archived_at ? (
              <Link className="button secondary" to={`/candidates/${candidate.id}/panel`}>
                Plan the panel
              </Link>
            ) : null}
          </div>
          <Coverage uncovered={page.uncovered} />
          <Timeline page={page} />
        </section>
        <aside>
          <section aria-labelledby="decision-heading" className="card">
            <h2 id="decision-heading">Decision</h2>
            {page.decision ? (
              <p>
                <strong>{DECISION[page.decision.outcome]}</strong>
                {page.decision.level ? ` at ${page.decision.level}` : ""}
                <br />
                <span className="muted">
                  {page.decision.recorded_by}, {formatDate(page.decision.recorded_at, timeZone)}
                </span>
              </p>
            ) : (
              <p className="muted">No decision yet.</p>
            )}
          </section>
          <section aria-labelledby="committee-heading" className="card">
            <h2 id="committee-heading">Committee</h2>
            {page.committee.length === 0 ? (
              <p className="muted">Nobody named yet.</p>
            ) : (
              <ul className="plain-list">
                {page.committee.map((m) => (
                  <li key={m.id}>
                    {m.name} {m.active ? null : <span className="badge closed">Deactivated</span>}
                  </li>
                ))}
              </ul>
            )}
            {manages ? <Link to={`/candidates/${candidate.id}/committee`}>Choose committee members</Link> : null}
          </section>
          <section aria-labelledby="kit-heading" className="card">
            <h2 id="kit-heading">Question kit</h2>
            <p>
              {page.kit.title} <span className="muted">(version {page.kit.version})</span>
            </p>
          </section>
        </aside>
      </div>
    </main>
  );
}

function Coverage({ uncovered }: { uncovered: string[] }) {
  if (uncovered.length === 0)
    return <p className="coverage ok">Every competency the position requires is someone's focus.</p>;
  return (
    <p className="coverage gap" role="status">
      <strong>Not covered by any interviewer:</strong>{" "}
      {uncovered.map((id) => competencyLabel(id as CompetencyId)).join(", ")}
    </p>
  );
}

function Timeline({ page }: { page: ReturnType<typeof useLoaderData<typeof loader>> }) {
  if (page.interviews.length === 0) return <p className="empty">No interviews scheduled yet.</p>;
  return (
    <ol className="timeline">
      {page.interviews.map((i) => (
        <li key={i.id} className={i.feedback === "cancelled" ? "cancelled" : undefined}>
          <div className="timeline-when">{formatDateTime(i.scheduledAt, i.timeZone)}</div>
          <div className="timeline-body">
            <strong>{stageLabel(i.stage)}</strong> with {i.interviewerName}
            {i.interviewerActive ? null : <span className="badge closed">Deactivated</span>}{" "}
            <span className="muted">· {i.durationMinutes} min</span>
            <div>
              <span className={`badge ${FEEDBACK[i.feedback].badge}`}>{FEEDBACK[i.feedback].label}</span>{" "}
              {i.feedback !== "cancelled" ? <span className="muted">Scorecard: {SCORECARD[i.scorecard]}</span> : null}
              {i.feedback === "due" || i.feedback === "overdue" ? (
                <span className="muted"> · due {formatDateTime(i.deadline, i.timeZone)}</span>
              ) : null}
            </div>
            {i.focusCompetencies.length || i.focusQuestions.length ? (
              <div className="muted">
                Focus: {i.focusCompetencies.map((id) => competencyLabel(id as CompetencyId)).join(", ")}
                {i.focusQuestions.length
                  ? ` · ${i.focusQuestions.length} kit question${i.focusQuestions.length === 1 ? "" : "s"}`
                  : ""}
              </div>
            ) : null}
            {i.cancelReason ? <div className="muted">Cancelled: {i.cancelReason}</div> : null}
            {page.manages && i.feedback !== "cancelled" && !page.candidate.archived_at ? (
              <Link to={`/candidates/${page.candidate.id}/interviews/${i.id}`}>Reschedule, reassign or cancel</Link>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}
