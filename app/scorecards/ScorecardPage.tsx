import { useState } from "react";
import type { loader } from "~/routes/interviews.$interviewId";
import { ScorecardForm } from "./ScorecardForm";
import { ScorecardFeedback } from "./ScorecardFeedback";
import { MarkdownActions } from "./MarkdownActions";
import { formatDateTime } from "~/ui/format";
import { useTimeZone } from "~/ui/useTimeZone";
import { isFailure } from "~/ui/form-result";
import type { LoaderData as DataOf } from "~/ui/loader-data";
import { stageLabel } from "~/vocabulary/stages";

// The page's data; the loader's refusal (a Failure reply) is handled by the route.
type LoaderData = DataOf<typeof loader>;
export type ScorecardPageData = Exclude<LoaderData, { ok: false }>;
export const pageData = (data: LoaderData | undefined): ScorecardPageData | null =>
  data && !isFailure(data) ? (data as ScorecardPageData) : null;

export function ScorecardPage({ data }: { data: ScorecardPageData }) {
  const { interview, kit, scorecard, revisions, others, rubric, redFlagTitles, overdueBy } = data;
  const [amending, setAmending] = useState(false);
  const timeZone = useTimeZone();
  const submitted = scorecard.status === "submitted";
  return (
    <main className="page wide" id="main">
      <header className="scorecard-header">
        <h1>
          {interview.candidate_name} <span className="muted">· {interview.position_title}</span>
        </h1>
        <p className="lead">
          {stageLabel(interview.stage)} · {formatDateTime(interview.scheduled_at, timeZone)} ·{" "}
          {interview.duration_minutes} min · Kit: {kit.title} (v{kit.version})
        </p>
        <p>
          {submitted ? (
            <span className="badge submitted">
              Submitted{scorecard.revision > 1 ? ` · revision ${scorecard.revision}` : ""}
            </span>
          ) : scorecard.status === "draft" ? (
            <span className="badge draft">Draft</span>
          ) : overdueBy ? null : (
            <span className="badge draft">Not started</span>
          )}
          {/* An overdue scorecard that was never started says how late it is, not "Not started". */}
          {overdueBy ? (
            <>
              {scorecard.status === "draft" ? " " : null}
              <span className="badge overdue">Overdue by {overdueBy}</span>
            </>
          ) : null}
        </p>
      </header>
      {submitted && !amending ? (
        <>
          <div className="actions-row">
            <button type="button" onClick={() => setAmending(true)}>
              Amend
            </button>
            <MarkdownActions interviewId={interview.id} />
          </div>
          <section className="card" aria-labelledby="mine-heading">
            <h2 id="mine-heading">Your scorecard</h2>
            <ScorecardFeedback content={scorecard.content} redFlagTitles={redFlagTitles} showRemoved />
          </section>
          {revisions.length > 1 ? (
            <section className="card" aria-labelledby="revisions-heading">
              <h2 id="revisions-heading">Revisions</h2>
              {revisions.map((r) => (
                <details key={r.revision}>
                  <summary>
                    Revision {r.revision} · {formatDateTime(r.submitted_at, timeZone)}
                    {r.reason ? ` · “${r.reason}”` : ""}
                  </summary>
                  <ScorecardFeedback content={r.content} redFlagTitles={redFlagTitles} showRemoved />
                </details>
              ))}
            </section>
          ) : null}
          <section className="card" aria-labelledby="others-heading">
            <h2 id="others-heading">Other submitted feedback on this candidate</h2>
            {others.length === 0 ? <p className="empty">No one else has submitted yet.</p> : null}
            {others.map((o) => (
              <details key={o.interview_id}>
                <summary>
                  {o.interviewer_name} · {stageLabel(o.stage)}
                </summary>
                <ScorecardFeedback content={o.content} redFlagTitles={redFlagTitles} />
              </details>
            ))}
          </section>
        </>
      ) : (
        <>
          {!submitted ? (
            <p className="muted independence">
              Other interviewers' feedback on this candidate stays hidden until you submit yours, so your judgement is
              your own.
            </p>
          ) : null}
          <ScorecardForm
            key={`${scorecard.version}-${amending}`}
            interviewId={interview.id}
            kit={kit}
            rubric={rubric}
            redFlagTitles={redFlagTitles}
            initial={scorecard.content}
            version={scorecard.version}
            savedAt={scorecard.savedAt}
            mode={submitted ? "amend" : "draft"}
            onCancelAmend={() => setAmending(false)}
            onSubmitted={() => setAmending(false)}
          />
        </>
      )}
    </main>
  );
}
