import { Form, useNavigation } from "@remix-run/react";
import { Field, FormError } from "~/ui/form";
import { useSchemaForm } from "~/ui/useSchemaForm";
import { voteSchema } from "../decision.schema";
import type { Vote } from "../packet";
import { OutcomeChoices } from "./OutcomeChoices";

// A committee member's own vote; the others' stay hidden until everyone has voted.
export function VoteForm({ mine }: { mine: Vote[] }) {
  const navigation = useNavigation();
  const { form, formError, onSubmit, errors } = useSchemaForm(voteSchema, {
    intent: "vote",
    outcome: mine[0]?.outcome,
    reason: mine[0]?.reason ?? "",
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "vote";
  return (
    <Form method="post" noValidate className="card decision-form" aria-labelledby="vote-form-title" onSubmit={onSubmit}>
      <h3 id="vote-form-title">{mine.length ? "Change your vote" : "Your vote"}</h3>
      <FormError message={formError} />
      <input type="hidden" {...form.register("intent")} />
      <OutcomeChoices
        legend="Your vote"
        errorId="vote-outcome-error"
        error={errors.outcome?.message}
        field={form.register("outcome")}
      />
      <Field id="vote-reason" label="Your reason, in one line" error={errors.reason}>
        {(aria) => <input type="text" maxLength={300} {...aria} {...form.register("reason")} />}
      </Field>
      <button type="submit" disabled={busy}>
        {busy ? "Saving…" : "Record my vote"}
      </button>
    </Form>
  );
}
