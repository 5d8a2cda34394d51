import type { ReactNode } from "react";
import { OUTCOME_LABELS } from "~/vocabulary/decisions";
import type { Decision, Packet } from "../packet";
import { formatDateTime } from "../pdf/format";

// The debrief votes and the decision with its history; the route passes its forms in.
export function DecisionSections({
  packet,
  decisionForm,
  voteForm,
}: {
  packet: Packet;
  decisionForm?: ReactNode;
  voteForm?: ReactNode;
}) {
  return (
    <>
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
    </>
  );
}

function DecisionView({ decision }: { decision: Decision }) {
  const missing = decision.missingScorecards;
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
      {missing.length > 0 ? (
        <p className="revision-reason">
          Decided with {missing.length} scorecard{missing.length === 1 ? "" : "s"} missing (
          {decision.missingScorecards.map((m) => `${m.interviewer}, ${m.stage}`).join("; ")}): {decision.earlyReason}
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
