import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { requireId, requireUser } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { aggregatePacket } from "~/packets/aggregate";
import { packetActionSchema, packetIntentSchema } from "~/packets/decision.schema";
import { recordDecision } from "~/packets/decision.server";
import { castVote } from "~/packets/debrief.server";
import { missingInterviews, revivePacket, type PacketJson } from "~/packets/packet";
import { openPacket, requirePacketSeat } from "~/packets/packet.server";
import { PacketView } from "~/packets/PacketView";
import { DecisionForm } from "~/packets/view/DecisionForm";
import { VoteForm } from "~/packets/view/VoteForm";
import { parseWith, readBody } from "~/ui/form.server";

// What the loader sends: the packet (dates as strings) and what this viewer may do with it.
type PacketPageData = {
  packet: PacketJson;
  decisionId: string | null;
  canDecide: boolean;
  canVote: boolean;
  userId: string;
};

export const meta: MetaFunction = ({ data }) => [
  { title: `Packet: ${(data as PacketPageData | undefined)?.packet.candidate.name ?? "candidate"} · Panel` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const candidateId = requireId(params.candidateId, "candidate");
  return atEdge(async () => json(await openPacket(user, candidateId)));
}

// Whoever may not see the packet learns nothing, and a reader who may not vote or decide is
// refused, before the input is looked at.
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const candidateId = requireId(params.candidateId, "candidate");
  const body = await readBody(request);
  return atEdge(async () => {
    await requirePacketSeat(user, packetIntentSchema.parse(body ?? {}).intent, candidateId);
    const parsed = parseWith(packetActionSchema, body);
    if (!parsed.ok) return invalid(parsed.errors);
    if (parsed.data.intent === "vote") {
      await castVote(user, candidateId, parsed.data);
      return redirect(`/candidates/${candidateId}/packet#debrief`);
    }
    await recordDecision(user, candidateId, parsed.data);
    return redirect(`/candidates/${candidateId}/packet#decision`);
  });
}

export default function PacketPage() {
  const data = useLoaderData<PacketPageData>();
  const packet = useMemo(() => revivePacket(data.packet), [data.packet]);
  const aggregate = useMemo(() => aggregatePacket(packet), [packet]);
  return (
    <main className="page packet-page" id="main">
      <nav className="packet-actions" aria-label="Packet">
        <Link to="/">← Home</Link>
        <a className="button" href={`/candidates/${packet.candidate.id}/packet.pdf`} download>
          Download PDF
        </a>
      </nav>
      <PacketView
        packet={packet}
        aggregate={aggregate}
        decisionForm={
          data.canDecide ? (
            <DecisionForm
              key={data.decisionId ?? "none"}
              current={packet.decision}
              basedOn={data.decisionId ?? ""}
              missing={missingInterviews(packet)}
              userId={data.userId}
            />
          ) : null
        }
        voteForm={data.canVote ? <VoteForm key={packet.debrief.votes.length} mine={packet.debrief.votes} /> : null}
      />
    </main>
  );
}
