import { Link } from "@remix-run/react";
import type { CandidateRow } from "./candidates.server";

const DECISION_LABEL: Record<string, string> = {
  hire: "Hire",
  "no-hire": "No hire",
  "more-interviews": "More interviews",
};

export function CandidateTable({ candidates }: { candidates: CandidateRow[] }) {
  if (candidates.length === 0) return <p className="empty">No candidates yet.</p>;
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">Candidates and the state of their interview loop</caption>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Position</th>
            <th scope="col">Level</th>
            <th scope="col">Feedback</th>
            <th scope="col">Decision</th>
          </tr>
        </thead>
        <tbody>
          {candidates.map((c) => (
            <tr key={c.id}>
              <td>
                <Link to={`/candidates/${c.id}`}>{c.name}</Link>
                <div className="muted">{c.email}</div>
                <Link
                  to={`/candidates/${c.id}/packet`}
                  className="small-link"
                  aria-label={`Committee packet for ${c.name}`}
                >
                  Packet
                </Link>
              </td>
              <td>{c.position_title}</td>
              <td>{c.level_applied ?? "—"}</td>
              <td>
                {c.submitted_count} of {c.interview_count} submitted{" "}
                {c.overdue_count ? <span className="badge overdue">{c.overdue_count} overdue</span> : null}
              </td>
              <td>{c.decision ? DECISION_LABEL[c.decision] : <span className="muted">Pending</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
