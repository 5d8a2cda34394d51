import type { ReactNode } from "react";
import { competencyLabel } from "~/scorecards/rubric";
import type { PacketAggregate } from "./aggregate";
import {
  STATUS_LABELS,
  WITHHELD_NOTICE,
  WITHHELD_SHORT,
  ownFeedbackPending,
  submittedCount,
  type Packet,
  type SubmittedInterview,
} from "./packet";
import { STAGE_LABELS } from "~/vocabulary/stages";
import { formatDateTime } from "./pdf/format";
import { DecisionSections } from "./view/DecisionSections";
import { DisagreementsSection, MissingSection, OpenQuestionsSection, RedFlagsSection } from "./view/FindingsSections";
import { InterviewFeedback } from "./view/InterviewFeedback";
import { OverviewSection } from "./view/OverviewSection";

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

      <PanelSection packet={packet} />
      <DecisionSections packet={packet} decisionForm={decisionForm} voteForm={voteForm} />
      <OverviewSection aggregate={aggregate} empty={none("No submitted scorecards yet: nothing to aggregate.")} />
      <DisagreementsSection aggregate={aggregate} none={none} />
      <RedFlagsSection aggregate={aggregate} none={none} />
      <OpenQuestionsSection aggregate={aggregate} none={none} />
      <MissingSection aggregate={aggregate} />
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

function PanelSection({ packet }: { packet: Packet }) {
  return (
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
  );
}
