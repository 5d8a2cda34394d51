import type { PacketAggregate } from "../aggregate";
import { STATUS_LABELS } from "../packet";
import { STAGE_LABELS } from "~/vocabulary/stages";
import { formatDate } from "../pdf/format";
import { Rating, Recommendation, Stars } from "./marks";

// What the panel's feedback adds up to, section by section. `none` words an empty section (it
// may be hidden from this viewer rather than empty).
type SectionProps = { aggregate: PacketAggregate; none: (text: string) => string };

export function DisagreementsSection({ aggregate, none }: SectionProps) {
  return (
    <section aria-labelledby="disagreements">
      <h2 id="disagreements">Where the panel disagrees</h2>
      {aggregate.disagreements.length === 0 && (
        <p>{none("No competency spans two or more levels and no hire/no-hire split.")}</p>
      )}
      {aggregate.disagreements.map((d) =>
        d.kind === "competency" ? (
          <div className="disagreement" key={d.competency}>
            <h3>
              {d.label}: ratings {d.spread} levels apart
            </h3>
            <ul>
              {d.ratings.map((r) => (
                <li key={r.column.interviewId}>
                  {r.column.label}: <Rating value={r.value} />
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <div className="disagreement" key="recommendation">
            <h3>Hire and no-hire recommendations split</h3>
            <ul>
              {[...d.hire, ...d.noHire].map((s) => (
                <li key={s.column.interviewId}>
                  {s.column.label}: <Recommendation id={s.value} />
                </li>
              ))}
            </ul>
          </div>
        ),
      )}
    </section>
  );
}

export function RedFlagsSection({ aggregate, none }: SectionProps) {
  return (
    <section aria-labelledby="red-flags">
      <h2 id="red-flags">Red flags across the panel</h2>
      {aggregate.redFlags.length === 0 ? (
        <p>{none("No red flags raised.")}</p>
      ) : (
        <ul className="red-flags">
          {aggregate.redFlags.map((flag) => (
            <li key={flag.category}>
              <strong>{flag.title}</strong> <Stars severity={flag.maxSeverity} />{" "}
              {flag.interviewerCount === 1
                ? "raised by one interviewer only"
                : `raised by ${flag.interviewerCount} interviewers`}
              <ul>
                {flag.raisedBy.map((r, i) => (
                  <li key={i}>
                    {r.column.label} <Stars severity={r.severity} />: {r.justification || "no justification given"}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function OpenQuestionsSection({ aggregate, none }: SectionProps) {
  return (
    <section aria-labelledby="open-questions">
      <h2 id="open-questions">Open questions</h2>
      {aggregate.openQuestions.length === 0 && <p>{none("No follow-up questions.")}</p>}
      {aggregate.openQuestions.map(({ column, questions }) => (
        <div key={column.interviewId}>
          <h3>{column.label}</h3>
          <ol>
            {questions.map((q, i) => (
              <li key={i}>{q}</li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}

export function MissingSection({ aggregate }: { aggregate: PacketAggregate }) {
  return (
    <section aria-labelledby="missing">
      <h2 id="missing">Missing scorecards</h2>
      {aggregate.missing.length === 0 ? (
        <p>Every scheduled interview has a submitted scorecard.</p>
      ) : (
        <ul>
          {aggregate.missing.map((m) => (
            <li key={m.interviewId}>
              {m.interviewer.name}, {STAGE_LABELS[m.stage]} on {formatDate(m.scheduledAt)}:{" "}
              <strong>{STATUS_LABELS[m.status]}</strong>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
