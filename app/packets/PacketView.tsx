import type { ReactNode } from "react";
import {
  COMPETENCIES,
  LEVELS,
  competencyLabel,
  levelOf,
  recommendationOf,
  stars,
  type RatingValue,
  type RecommendationId,
} from "~/scorecards/rubric";
import type { PacketAggregate } from "./aggregate";
import {
  STATUS_LABELS,
  WITHHELD_NOTICE,
  WITHHELD_SHORT,
  ownFeedbackPending,
  submittedCount,
  type Decision,
  type Packet,
  type SubmittedInterview,
} from "./packet";
import { STAGE_LABELS } from "~/vocabulary/stages";
import { OUTCOME_LABELS } from "~/vocabulary/decisions";
import { PROVENANCE_LABELS, formatDate, formatDateTime } from "./pdf/format";

// The packet page: the same content as the PDF, as semantic HTML. Expects revived Dates.
// `decisionForm` and `voteForm` are where the route puts its forms for the decision and the vote.

type Props = { packet: Packet; aggregate: PacketAggregate; decisionForm?: ReactNode; voteForm?: ReactNode };

export function PacketView({ packet, aggregate, decisionForm, voteForm }: Props) {
  const submitted = packet.interviews.filter((i): i is SubmittedInterview => i.status === "submitted");
  const byId = new Map(submitted.map((i) => [i.id, i]));
  const none = (text: string) => (ownFeedbackPending(packet) ? WITHHELD_SHORT : text);
  return (
    <article className="packet">
      <header className="packet-header">
        <h1>{packet.candidate.name}</h1>
        <p>
          {packet.position.title} · {packet.candidate.email}
        </p>
        <dl>
          <dt>Level applied for</dt>
          <dd>{packet.candidate.levelApplied ?? "Not stated"}</dd>
          <dt>Scorecards</dt>
          <dd>
            {submittedCount(packet)} of {packet.interviews.length} submitted
          </dd>
        </dl>
      </header>
      {ownFeedbackPending(packet) ? (
        <p className="notice" role="note">
          {WITHHELD_NOTICE}
        </p>
      ) : null}

      <section aria-labelledby="panel">
        <h2 id="panel">Panel</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">Interviewer</th>
              <th scope="col">Stage</th>
              <th scope="col">Date</th>
              <th scope="col">Focus</th>
              <th scope="col">Scorecard</th>
            </tr>
          </thead>
          <tbody>
            {packet.interviews.map((i) => (
              <tr key={i.id}>
                <th scope="row">{i.interviewer.name}</th>
                <td>{STAGE_LABELS[i.stage]}</td>
                <td>{formatDateTime(i.scheduledAt)}</td>
                <td>{i.focus.competencies.map(competencyLabel).join(", ") || "None set"}</td>
                <td className={`status status-${i.status}`}>{STATUS_LABELS[i.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {packet.debrief.voters.length > 0 ? (
        <section aria-labelledby="debrief">
          <h2 id="debrief">Debrief votes</h2>
          <DebriefView debrief={packet.debrief} />
          {voteForm}
        </section>
      ) : null}

      <section aria-labelledby="decision">
        <h2 id="decision">Decision</h2>
        {packet.decision ? <DecisionView decision={packet.decision} /> : <p>No decision recorded yet.</p>}
        {packet.decisionHistory.length > 1 && (
          <>
            <h3>History</h3>
            <ol className="decision-history">
              {packet.decisionHistory.map((d) => (
                <li key={d.recordedAt.toISOString()}>
                  <DecisionView decision={d} />
                </li>
              ))}
            </ol>
          </>
        )}
        {decisionForm}
      </section>

      <section aria-labelledby="overview">
        <h2 id="overview">Panel overview</h2>
        {aggregate.columns.length === 0 ? (
          <p>{none("No submitted scorecards yet: nothing to aggregate.")}</p>
        ) : (
          <>
            <div className="table-scroll">
              <table className="matrix">
                <caption>Competency ratings by interviewer, with the median and spread across the panel</caption>
                <thead>
                  <tr>
                    <th scope="col">Competency</th>
                    {aggregate.columns.map((c) => (
                      <th scope="col" key={c.interviewId}>
                        {c.label}
                      </th>
                    ))}
                    <th scope="col">Median</th>
                    <th scope="col">Spread</th>
                  </tr>
                </thead>
                <tbody>
                  {aggregate.matrix.map((row) => (
                    <tr key={row.competency}>
                      <th scope="row">{row.label}</th>
                      {row.ratings.map((r, i) => (
                        <td key={aggregate.columns[i].interviewId}>
                          <Rating value={r} />
                        </td>
                      ))}
                      <td>{row.medianLabel ?? "—"}</td>
                      <td>{row.spread === null ? "—" : `${row.spread} ${row.spread === 1 ? "level" : "levels"}`}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="legend">Levels low to high: {LEVELS.map((l) => `${l.emoji} ${l.label}`).join(", ")}.</p>
            <h3>Recommendations</h3>
            <p className="tally">{aggregate.tallyText || "No recommendations."}</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">Interviewer</th>
                  <th scope="col">Recommendation</th>
                  <th scope="col">Level</th>
                </tr>
              </thead>
              <tbody>
                {aggregate.recommendations.map((r) => (
                  <tr key={r.column.interviewId}>
                    <th scope="row">{r.column.label}</th>
                    <td>{r.recommendation ? <Recommendation id={r.recommendation} /> : "None"}</td>
                    <td>{r.level ?? "None given"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </section>

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

      <section aria-labelledby="interviews">
        <h2 id="interviews">Interviews</h2>
        {aggregate.columns.map((column) => (
          <InterviewFeedback
            key={column.interviewId}
            label={column.label}
            interview={byId.get(column.interviewId)!}
            titleOf={(c) => packet.redFlagTitles[c]}
          />
        ))}
      </section>
    </article>
  );
}

function DecisionView({ decision }: { decision: Decision }) {
  return (
    <div className="decision">
      <p>
        <strong>
          {OUTCOME_LABELS[decision.outcome]}
          {decision.level ? `, ${decision.level}` : ""}
        </strong>{" "}
        — recorded by {decision.recordedBy.name}, {formatDateTime(decision.recordedAt)}
      </p>
      <p className="rationale">{decision.rationale}</p>
      {decision.reason && <p className="revision-reason">Reason for revising: {decision.reason}</p>}
      {decision.missingScorecards.length > 0 ? (
        <p className="revision-reason">
          Decided with {decision.missingScorecards.length} scorecard{decision.missingScorecards.length === 1 ? "" : "s"}{" "}
          missing ({decision.missingScorecards.map((m) => `${m.interviewer}, ${m.stage}`).join("; ")}):{" "}
          {decision.earlyReason}
        </p>
      ) : null}
      {decision.votes.length > 0 ? <VoteList votes={decision.votes} caption="Debrief votes at the time" /> : null}
    </div>
  );
}

// Sealed until every member has voted, so nobody anchors on a colleague's vote.
function DebriefView({ debrief }: { debrief: Packet["debrief"] }) {
  const voted = debrief.voters.filter((v) => v.voted).length;
  return (
    <>
      <p>
        {voted} of {debrief.voters.length} committee members have voted
        {debrief.sealed
          ? ` (still to vote: ${debrief.voters
              .filter((v) => !v.voted)
              .map((v) => v.name)
              .join(", ")}). Votes stay hidden until everyone has voted.`
          : "."}
      </p>
      {debrief.votes.length > 0 ? (
        <VoteList votes={debrief.votes} caption={debrief.sealed ? "Your vote" : "Votes"} />
      ) : null}
    </>
  );
}

function VoteList({ votes, caption }: { votes: Packet["debrief"]["votes"]; caption: string }) {
  return (
    <ul className="votes" aria-label={caption}>
      {votes.map((v) => (
        <li key={v.name} className="vote">
          <strong>{v.name}</strong>
          <span className={`badge vote-${v.outcome}`}>{OUTCOME_LABELS[v.outcome]}</span>
          <span>{v.reason}</span>
        </li>
      ))}
    </ul>
  );
}

function Rating({ value }: { value: RatingValue | null }) {
  if (value === null) return <>Not rated</>;
  if (value === "not-assessed") return <span className="rating rating-na">Not assessed</span>;
  const level = levelOf(value);
  return (
    <span className={`rating rating-${level.id}`}>
      <span aria-hidden="true">{level.emoji}</span> {level.label}
    </span>
  );
}

function Recommendation({ id }: { id: RecommendationId }) {
  const r = recommendationOf(id);
  return (
    <span className={`recommendation recommendation-${r.id}`}>
      <span aria-hidden="true">{r.emoji}</span> {r.label}
    </span>
  );
}

function Stars({ severity }: { severity: number }) {
  return (
    <span className="stars" role="img" aria-label={`Severity ${severity} of 5`}>
      {stars(severity)}
    </span>
  );
}

function InterviewFeedback({
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
