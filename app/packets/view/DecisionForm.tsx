import { Form, useNavigation } from "@remix-run/react";
import { HIRING_LEVELS } from "~/scorecards/rubric";
import { Field, FormError } from "~/ui/form";
import { useSchemaForm } from "~/ui/useSchemaForm";
import { STAGE_LABELS } from "~/vocabulary/stages";
import { decisionSchema, type DecisionFields } from "../decision.schema";
import { STATUS_LABELS, type Decision, type PacketInterview } from "../packet";
import { OutcomeChoices } from "./OutcomeChoices";

// Record or revise the committee's decision; a form loaded before someone else decided is refused.
type DecisionFormProps = { current: Decision | null; basedOn: string; missing: PacketInterview[]; userId: string };

export function DecisionForm({ current, basedOn, missing, userId }: DecisionFormProps) {
  const navigation = useNavigation();
  const { form, formError, onSubmit, errors } = useSchemaForm(decisionSchema, {
    intent: "decide",
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
      <input type="hidden" {...form.register("intent")} />
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
