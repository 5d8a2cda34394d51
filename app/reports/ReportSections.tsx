import { Link } from "@remix-run/react";
import { STAGE_LABELS } from "~/vocabulary/stages";
import { formatDateTime, recommendationName } from "~/packets/pdf/format";
import { OVERDUE_AFTER_HOURS } from "~/scorecards/feedback-status";
import { LEVELS } from "~/scorecards/rubric";
import { BarChart, StackedBar } from "./BarChart";
import { LEANING_LABELS, MIN_COMPARISONS } from "./report";
import type { loader } from "~/routes/reports";
import type { LoaderData } from "~/ui/loader-data";
import { formatHours, formatOffset, formatPercent, summaryFigures } from "./summary";

type Data = NonNullable<LoaderData<typeof loader>["result"]>["report"];

export function SummarySection({ summary }: { summary: Data["summary"] }) {
  return (
    <section aria-labelledby="summary-heading" className="report-summary">
      <h2 id="summary-heading">Summary</h2>
      <div className="summary-grid">
        <dl className="figures">
          {summaryFigures(summary).map((f) => (
            <div key={f.label} className="figure">
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
        <BarChart
          id="recommendations-chart"
          title="Recommendations on submitted scorecards"
          bars={summary.recommendations.map((r) => ({ label: recommendationName(r.id), value: r.count }))}
        />
      </div>
    </section>
  );
}

export function FeedbackSection({ feedback, overdueTotal }: { feedback: Data["feedback"]; overdueTotal: number }) {
  return (
    <section aria-labelledby="feedback-heading">
      <h2 id="feedback-heading">Feedback tracking</h2>
      <div className="report-columns">
        <div role="region" aria-labelledby="overdue-heading">
          <h3 id="overdue-heading">Overdue scorecards</h3>
          <p className="muted">
            No submitted scorecard {OVERDUE_AFTER_HOURS} hours after the interview ended, longest waiting first
            {overdueTotal > feedback.overdue.length
              ? ` (the ${feedback.overdue.length} oldest of ${overdueTotal})`
              : ""}
            .
          </p>
          {feedback.overdue.length === 0 ? (
            <p className="empty">Nothing overdue.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Overdue by</th>
                    <th scope="col">Interviewer</th>
                    <th scope="col">Candidate</th>
                    <th scope="col">Interview (UTC)</th>
                  </tr>
                </thead>
                <tbody>
                  {feedback.overdue.map((o) => (
                    <tr key={o.interview_id}>
                      <td>
                        <span className="badge overdue">{formatHours(o.hoursOverdue)}</span>
                      </td>
                      <td>{o.interviewer_name}</td>
                      <td>
                        <Link to={`/candidates/${o.candidate_id}`}>{o.candidate_name}</Link>
                        <div className="muted">{o.position_title}</div>
                      </td>
                      <td>
                        {STAGE_LABELS[o.stage]}, {formatDateTime(new Date(o.scheduled_at))}
                        <div className="muted">{o.scorecard_status === "draft" ? "Draft started" : "Not started"}</div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
        <div role="region" aria-labelledby="time-to-feedback-heading">
          <h3 id="time-to-feedback-heading">Time to feedback per interviewer</h3>
          <p className="muted">From the end of the interview to the submitted scorecard.</p>
          {feedback.byInterviewer.length === 0 ? (
            <p className="empty">No interviews in view.</p>
          ) : (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Interviewer</th>
                    <th scope="col">Median</th>
                    <th scope="col">Submitted of due</th>
                    <th scope="col">Overdue</th>
                  </tr>
                </thead>
                <tbody>
                  {feedback.byInterviewer.map((i) => (
                    <tr key={i.id}>
                      <td>{i.name}</td>
                      <td>{i.median_hours === null ? "—" : formatHours(i.median_hours)}</td>
                      <td>
                        {i.submitted} of {i.due}
                      </td>
                      <td>{i.overdue ? <span className="badge overdue">{i.overdue}</span> : 0}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </div>
      </div>
    </section>
  );
}

export function CalibrationSection({ raters }: { raters: Data["calibration"] }) {
  return (
    <section aria-labelledby="calibration-heading">
      <h2 id="calibration-heading">Calibration</h2>
      <p className="muted">
        Each interviewer's ratings against the median of the rest of the panel on the same candidates and competencies.
        Half a level or more above is lenient, half a level below is harsh; fewer than {MIN_COMPARISONS} comparisons is
        too few to say.
      </p>
      {raters.length === 0 ? (
        <p className="empty">No submitted scorecards in view.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Interviewer</th>
                <th scope="col">Scorecards</th>
                <th scope="col">Ratings given, low to high</th>
                <th scope="col">Vs panel median</th>
                <th scope="col">Leaning</th>
                <th scope="col">Hire rate</th>
              </tr>
            </thead>
            <tbody>
              {raters.map((r) => (
                <tr key={r.interviewerId}>
                  <td>{r.name}</td>
                  <td>{r.scorecards}</td>
                  <td className="distribution">
                    <StackedBar
                      label={`${r.name}'s ratings`}
                      parts={LEVELS.map((l) => ({ id: l.id, label: l.label, value: r.distribution[l.id] }))}
                    />
                    <span className="muted">{LEVELS.map((l) => r.distribution[l.id]).join(" / ")}</span>
                  </td>
                  <td>
                    {r.offset === null ? "—" : formatOffset(r.offset)}
                    <div className="muted">{r.comparisons} comparisons</div>
                  </td>
                  <td>
                    <span className={`badge leaning-${r.leaning}`}>{LEANING_LABELS[r.leaning]}</span>
                  </td>
                  <td>{r.hireRate === null ? "—" : formatPercent(r.hireRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="legend muted">
            {LEVELS.map((l) => (
              <span key={l.id}>
                <span className={`swatch level-${l.id}`} aria-hidden="true" /> {l.label}
              </span>
            ))}
          </p>
        </div>
      )}
    </section>
  );
}
