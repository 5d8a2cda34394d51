import type { UseFormRegisterReturn } from "react-hook-form";
import {
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
  type SerializeFrom,
  json,
  redirect,
} from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useMemo } from "react";
import { useSchemaForm } from "~/ui/useSchemaForm";
import { requireId, requireUser } from "~/auth/guard.server";
import { notFoundOnDomainError } from "~/errors.server";
import { aggregatePacket } from "~/packets/aggregate";
import { decisionSchema, voteSchema, type DecisionFields } from "~/packets/decision.schema";
import { recordDecision } from "~/packets/decision.server";
import { castVote } from "~/packets/debrief.server";
import {
  STATUS_LABELS,
  missingInterviews,
  type Decision,
  type Packet,
  type PacketInterview,
  type Vote,
} from "~/packets/packet";
import { STAGE_LABELS } from "~/vocabulary/stages";
import { DECISION_OUTCOMES, OUTCOME_LABELS } from "~/vocabulary/decisions";
import { openPacket, packetAccess } from "~/packets/packet.server";
import { PacketView } from "~/packets/PacketView";
import { HIRING_LEVELS } from "~/scorecards/rubric";
import { parseRequest } from "~/ui/form.server";
import { Field, FormError } from "~/ui/form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Packet: ${data?.packet.candidate.name ?? "candidate"} · Panel` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const candidateId = requireId(params.candidateId, "candidate");
  return json(await notFoundOnDomainError(() => openPacket(user, candidateId)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const candidateId = requireId(params.candidateId, "candidate");
  // Whoever may not see the packet learns nothing; a recruiter may see it but not decide.
  const access = await notFoundOnDomainError(() => packetAccess(user, candidateId));
  if ((await request.clone().formData()).get("intent") === "vote") {
    if (!access.canVote) throw new Response("Only the candidate's committee votes in the debrief.", { status: 403 });
    const vote = await parseRequest(request, voteSchema);
    if (!vote.ok) return json({ errors: vote.errors }, { status: 400 });
    await castVote(user, candidateId, vote.data);
    return redirect(`/candidates/${candidateId}/packet#debrief`);
  }
  if (!access.canDecide) throw new Response("Only the candidate's committee records the decision.", { status: 403 });
  const parsed = await parseRequest(request, decisionSchema);
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
  const result = await notFoundOnDomainError(() => recordDecision(user, candidateId, parsed.data));
  if (!result.ok) return json({ errors: result.errors }, { status: result.status });
  return redirect(`/candidates/${candidateId}/packet#decision`);
}

// JSON turned the packet's dates into strings; the view and the aggregation want Dates back.
function revive(data: SerializeFrom<Packet>): Packet {
  const decision = (d: SerializeFrom<Decision>): Decision => ({ ...d, recordedAt: new Date(d.recordedAt) });
  return {
    ...data,
    generatedAt: new Date(data.generatedAt),
    interviews: data.interviews.map(
      (i) =>
        ({
          ...i,
          scheduledAt: new Date(i.scheduledAt),
          submittedAt: i.submittedAt ? new Date(i.submittedAt) : null,
        }) as PacketInterview,
    ),
    decision: data.decision ? decision(data.decision) : null,
    debrief: data.debrief,
    decisionHistory: data.decisionHistory.map(decision),
  };
}

export default function PacketPage() {
  const data = useLoaderData<typeof loader>();
  const packet = useMemo(() => revive(data.packet), [data.packet]);
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

type DecisionFormProps = { current: Decision | null; basedOn: string; missing: PacketInterview[]; userId: string };

function DecisionForm({ current, basedOn, missing, userId }: DecisionFormProps) {
  const navigation = useNavigation();
  const { form, formError, onSubmit, errors } = useSchemaForm(decisionSchema, {
    outcome: current?.outcome,
    level: (current?.level as DecisionFields["level"]) ?? "",
    rationale: "",
    reason: "",
    earlyReason: "",
    basedOn,
  });
  const revising = current !== null;
  const busy = navigation.state === "submitting";
  return (
    <Form
      method="post"
      noValidate
      className="card decision-form"
      aria-labelledby="decision-form-title"
      onSubmit={onSubmit}
    >
      <h3 id="decision-form-title">{revising ? "Revise the decision" : "Record the decision"}</h3>
      <FormError message={formError} />
      <input type="hidden" {...form.register("basedOn")} />
      <OutcomeChoices
        legend="Outcome"
        errorId="outcome-error"
        error={errors.outcome?.message}
        field={form.register("outcome")}
      />
      <Field id="level" label="Level" hint="Required for a hire." error={errors.level}>
        {(aria) => (
          <select {...aria} {...form.register("level")}>
            <option value="">No level</option>
            {HIRING_LEVELS.map((level) => (
              <option key={level} value={level}>
                {level}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="rationale"
        label="Rationale"
        hint="What the committee weighed; kept with your name and the time."
        error={errors.rationale}
      >
        {(aria) => <textarea rows={4} {...aria} {...form.register("rationale")} />}
      </Field>
      {missing.length > 0 ? (
        <div className="notice missing-scorecards" role="note" aria-labelledby="missing-title">
          <p id="missing-title">
            <strong>
              {missing.length} scorecard{missing.length === 1 ? " is" : "s are"} not in yet.
            </strong>{" "}
            Deciding now means deciding without {missing.length === 1 ? "it" : "them"}:
          </p>
          <ul>
            {missing.map((i) => (
              <li key={i.id}>
                {i.interviewer.name}
                {i.interviewer.id === userId ? " (you)" : ""} · {STAGE_LABELS[i.stage]} · {STATUS_LABELS[i.status]}
              </li>
            ))}
          </ul>
          <Field
            id="earlyReason"
            label="Why decide before every scorecard is in?"
            hint="Required; kept with the decision."
            error={errors.earlyReason}
          >
            {(aria) => <textarea rows={2} {...aria} {...form.register("earlyReason")} />}
          </Field>
        </div>
      ) : null}
      {revising ? (
        <Field
          id="reason"
          label="Reason for revising"
          hint="The earlier decision stays in the history."
          error={errors.reason}
        >
          {(aria) => <textarea rows={2} {...aria} {...form.register("reason")} />}
        </Field>
      ) : null}
      <button type="submit" disabled={busy}>
        {busy ? "Saving…" : revising ? "Revise decision" : "Record decision"}
      </button>
    </Form>
  );
}

// A committee member's own vote; the others' stay hidden until everyone has voted.
function VoteForm({ mine }: { mine: Vote[] }) {
  const navigation = useNavigation();
  const { form, formError, onSubmit, errors } = useSchemaForm(voteSchema, {
    outcome: mine[0]?.outcome,
    reason: mine[0]?.reason ?? "",
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "vote";
  return (
    <Form method="post" noValidate className="card decision-form" aria-labelledby="vote-form-title" onSubmit={onSubmit}>
      <h3 id="vote-form-title">{mine.length ? "Change your vote" : "Your vote"}</h3>
      <FormError message={formError} />
      <OutcomeChoices
        legend="Your vote"
        errorId="vote-outcome-error"
        error={errors.outcome?.message}
        field={form.register("outcome")}
      />
      <Field id="vote-reason" label="Your reason, in one line" error={errors.reason}>
        {(aria) => <input type="text" maxLength={300} {...aria} {...form.register("reason")} />}
      </Field>
      <button type="submit" name="intent" value="vote" disabled={busy}>
        {busy ? "Saving…" : "Record my vote"}
      </button>
    </Form>
  );
}

// Hire / no hire / more interviews: the same radio group for a vote and for the decision.
function OutcomeChoices({
  legend,
  errorId,
  error,
  field,
}: {
  legend: string;
  errorId: string;
  error?: string;
  field: UseFormRegisterReturn;
}) {
  return (
    <fieldset className="field" aria-invalid={Boolean(error)} aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      <div className="outcome-choices">
        {DECISION_OUTCOMES.map((outcome) => (
          <label key={outcome} className="choice">
            <input type="radio" value={outcome} {...field} /> {OUTCOME_LABELS[outcome]}
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
