import { Link } from "@remix-run/react";
import type { MyInterview, MyInterviews } from "./my-interviews.server";
import { formatDateTime } from "~/ui/format";
import { useTimeZone } from "~/ui/useTimeZone";
import { stageLabel } from "~/vocabulary/stages";

const GROUPS: { key: keyof MyInterviews; title: string; empty: string; badge: string }[] = [
  { key: "overdue", title: "Overdue feedback", empty: "Nothing overdue.", badge: "overdue" },
  { key: "due", title: "Feedback due", empty: "No feedback waiting on you.", badge: "due" },
  { key: "upcoming", title: "Upcoming interviews", empty: "No interviews scheduled.", badge: "" },
  { key: "submitted", title: "Submitted", empty: "No scorecards submitted yet.", badge: "submitted" },
];

// Times in the reader's own zone (their account setting), as everywhere in Panel.
export function InterviewGroups({ groups }: { groups: { [K in keyof MyInterviews]: MyInterview[] } }) {
  const timeZone = useTimeZone();
  return (
    <div className="interview-groups">
      {GROUPS.map((group) => (
        <section key={group.key} aria-labelledby={`group-${group.key}`} className="card">
          <h2 id={`group-${group.key}`}>
            {group.title} <span className="muted">({groups[group.key].length})</span>
          </h2>
          {groups[group.key].length === 0 ? (
            <p className="empty">{group.empty}</p>
          ) : (
            <ul className="interview-list">
              {groups[group.key].map((interview) => (
                <li key={interview.id}>
                  <Link to={`/interviews/${interview.id}`}>{interview.candidateName}</Link>{" "}
                  <span className="muted">
                    · {interview.positionTitle} · {stageLabel(interview.stage)} ·{" "}
                    {formatDateTime(interview.scheduledAt, timeZone)}
                  </span>{" "}
                  {group.badge ? (
                    <span className={`badge ${group.badge}`}>{group.title.replace(/ feedback$/, "")}</span>
                  ) : null}
                  {interview.hasDraft ? <span className="badge draft">Draft saved</span> : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </div>
  );
}
