import { COMPETENCIES, LEVELS, NOT_ASSESSED, recommendationOf, stars } from "./rubric";
import type { RemovedQuestion, ScorecardContent } from "./scorecard.schema";
import { formatDateTime } from "~/ui/format";
import { useTimeZone } from "~/ui/useTimeZone";

const levelText = (value: string | null) => {
  if (value === null) return "Not rated";
  if (value === NOT_ASSESSED) return "Not assessed";
  const level = LEVELS.find((l) => l.id === value)!;
  return `${level.emoji} ${level.label}`;
};

function Provenance({ mark }: { mark?: "drafted" | "edited" }) {
  if (!mark) return null;
  return (
    <span className={`badge provenance ${mark}`}>
      {mark === "drafted" ? "Assistant draft" : "Assistant draft, edited"}
    </span>
  );
}

// One interview's feedback in the order of the seed evaluation: notes, summary, strengths,
// areas, ratings, recommendation, follow-ups, red flags.
// `showRemoved`: the author's own view also lists the questions they removed while drafting,
// with their notes; the committee sees what was submitted.
export function ScorecardFeedback({
  content,
  redFlagTitles,
  showRemoved = false,
}: {
  content: ScorecardContent;
  redFlagTitles: Record<string, string>;
  showRemoved?: boolean;
}) {
  const p = content.provenance;
  return (
    <div className="feedback">
      <h3>1. Raw notes</h3>
      {content.answers.map((a, i) => (
        <div key={i} className="qa">
          <p className="qa-question">
            <strong>
              Q{i + 1}. {a.question}
            </strong>
          </p>
          {a.notes ? <pre className="notes">{a.notes}</pre> : <p className="empty">No notes.</p>}
          {a.answer ? (
            <details>
              <summary>Candidate's answer</summary>
              <p className="answer-text">{a.answer}</p>
            </details>
          ) : null}
        </div>
      ))}
      {content.notes ? (
        <div className="qa">
          <p className="qa-question">
            <strong>General notes</strong>
          </p>
          <pre className="notes">{content.notes}</pre>
        </div>
      ) : null}
      {showRemoved && content.removedQuestions?.length ? <RemovedQuestions removed={content.removedQuestions} /> : null}
      <h3>
        2. Formal summary <Provenance mark={p.summary} />
      </h3>
      <p className="summary-text">{content.summary || "—"}</p>
      <h3>
        3. Strengths <Provenance mark={p.strengths} />
      </h3>
      <Lines items={content.strengths} />
      <h3>
        4. Areas for improvement <Provenance mark={p.improvements} />
      </h3>
      <Lines items={content.improvements} />
      <h3>5. Competency ratings</h3>
      <ul className="ratings-list">
        {COMPETENCIES.map((c) => (
          <li key={c.id}>
            {c.label}: <strong>{levelText(content.ratings[c.id])}</strong>
          </li>
        ))}
      </ul>
      <h3>6. Recommendation</h3>
      <p>
        {content.recommendation
          ? `${recommendationOf(content.recommendation).emoji} ${recommendationOf(content.recommendation).label}`
          : "—"}
        {content.level ? ` · Level: ${content.level}` : ""}
      </p>
      <h3>
        7. Probing follow-up questions <Provenance mark={p.followUps} />
      </h3>
      <Lines items={content.followUps} ordered />
      <h3>
        Red flags <Provenance mark={p.redFlags} />
      </h3>
      {content.redFlags.length === 0 ? (
        <p className="empty">None recorded.</p>
      ) : (
        <ul className="red-flag-list">
          {content.redFlags.map((flag, i) => (
            <li key={i}>
              <strong>{redFlagTitles[flag.category] ?? flag.category}</strong>{" "}
              <span className="stars" aria-label={`severity ${flag.severity} of 5`}>
                {stars(flag.severity)}
              </span>
              <p>{flag.justification}</p>
              {flag.evidence.length ? (
                <ul className="evidence">
                  {flag.evidence.map((quote, j) => (
                    <li key={j}>
                      <q>{quote}</q>
                    </li>
                  ))}
                </ul>
              ) : null}
              {flag.suggestion ? <p className="muted">Suggestion: {flag.suggestion}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {content.biasWarnings.length ? (
        <div className="bias-overridden">
          <h3>Bias warnings the interviewer submitted past</h3>
          <ul>
            {content.biasWarnings.map((w, i) => (
              <li key={i}>
                <strong>{w.topic}</strong>: “{w.excerpt}” — {w.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}

function RemovedQuestions({ removed }: { removed: RemovedQuestion[] }) {
  const timeZone = useTimeZone();
  return (
    <details className="removed-questions">
      <summary>Removed while drafting ({removed.length})</summary>
      {removed.map((q, i) => (
        <div key={i} className="qa">
          <p className="qa-question">
            <strong>{q.question || "Your own question"}</strong>{" "}
            <span className="muted">· removed {formatDateTime(q.removedAt, timeZone)}</span>
          </p>
          {q.notes ? <pre className="notes">{q.notes}</pre> : null}
          {q.answer ? <p className="answer-text">{q.answer}</p> : null}
        </div>
      ))}
    </details>
  );
}

function Lines({ items, ordered = false }: { items: string[]; ordered?: boolean }) {
  if (items.length === 0) return <p className="empty">None.</p>;
  const List = ordered ? "ol" : "ul";
  return (
    <List>
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </List>
  );
}
