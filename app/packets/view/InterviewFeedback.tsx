import { COMPETENCIES } from "~/scorecards/rubric";
import { STAGE_LABELS } from "~/vocabulary/stages";
import type { Packet, SubmittedInterview } from "../packet";
import { PROVENANCE_LABELS, formatDateTime } from "../pdf/format";
import { Rating, Recommendation, Stars } from "./marks";

// One submitted scorecard in full, in the order the interviewer wrote it.
export function InterviewFeedback({
  label,
  interview,
  titleOf,
}: {
  label: string;
  interview: SubmittedInterview;
  titleOf: (c: keyof Packet["redFlagTitles"]) => string;
}) {
  const card = interview.scorecard;
  const mark = (section: keyof typeof card.provenance) => {
    const p = card.provenance[section];
    return p ? <span className="provenance"> ({PROVENANCE_LABELS[p]})</span> : null;
  };
  const list = (items: string[]) =>
    items.length ? (
      <ul>
        {items.map((item, i) => (
          <li key={i}>{item}</li>
        ))}
      </ul>
    ) : (
      <p>None</p>
    );
  return (
    <section className="interview" aria-label={`Interview: ${label}`}>
      <h3>Interview: {label}</h3>
      <p className="interview-meta">
        {STAGE_LABELS[interview.stage]}, {formatDateTime(interview.scheduledAt)}, {interview.durationMinutes} min ·
        submitted {formatDateTime(interview.submittedAt)}
        {interview.revision > 1 ? ` (revision ${interview.revision})` : ""}
      </p>
      {card.biasWarnings.length > 0 && (
        <div className="bias-warnings">
          <h4>Bias warnings the interviewer submitted past</h4>
          <ul>
            {card.biasWarnings.map((w, i) => (
              <li key={i}>
                {w.topic.replace(/-/g, " ")}: “{w.excerpt}” — {w.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {card.answers.map((a, i) => (
        <div className="answer" key={a.questionId + i}>
          <h4>{a.question}</h4>
          <p className="prose">{a.answer}</p>
          {a.notes && <p className="notes">Notes: {a.notes}</p>}
        </div>
      ))}
      <h4>1. Raw notes</h4>
      <p className="prose">{card.notes || "No general notes."}</p>
      <h4>2. Formal summary{mark("summary")}</h4>
      <p className="prose">{card.summary}</p>
      <h4>3. Strengths{mark("strengths")}</h4>
      {list(card.strengths)}
      <h4>4. Areas for improvement{mark("improvements")}</h4>
      {list(card.improvements)}
      <h4>5. Competency ratings</h4>
      <table>
        <tbody>
          {COMPETENCIES.map((c) => (
            <tr key={c.id}>
              <th scope="row">{c.label}</th>
              <td>
                <Rating value={card.ratings[c.id]} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4>6. Recommendation</h4>
      <p>
        {card.recommendation ? <Recommendation id={card.recommendation} /> : "None"} · Level:{" "}
        {card.level ?? "None given"}
      </p>
      <h4>7. Probing follow-up questions{mark("followUps")}</h4>
      {card.followUps.length ? (
        <ol>
          {card.followUps.map((q, i) => (
            <li key={i}>{q}</li>
          ))}
        </ol>
      ) : (
        <p>None</p>
      )}
      <h4>Red flags{mark("redFlags")}</h4>
      {card.redFlags.length === 0 ? (
        <p>No red flags raised.</p>
      ) : (
        <dl className="interview-red-flags">
          {card.redFlags.map((f, i) => (
            <div key={i}>
              <dt>
                {titleOf(f.category)} <Stars severity={f.severity} />
              </dt>
              <dd>Justification: {f.justification || "None given"}</dd>
              {f.evidence.length > 0 && <dd>Evidence: {f.evidence.map((e) => `“${e}”`).join("; ")}</dd>}
              <dd>Suggestion: {f.suggestion || "None given"}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
