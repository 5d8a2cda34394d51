import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { HIRING_LEVELS } from "~/scorecards/rubric";
import { Field, FormError } from "~/ui/form";
import type { CandidateData, CandidateFormValues } from "./candidate.schema";
import type { Duplicate } from "./candidates.server";
import { useSchemaForm } from "~/ui/useSchemaForm";
import { PositionField } from "~/positions/PositionField";

type Props = {
  schema: z.ZodType<CandidateData, CandidateFormValues>;
  defaults: CandidateFormValues;
  positions: { id: string; title: string; team: string }[];
  submitLabel: string;
};

export function CandidateForm({ schema, defaults, positions, submitLabel }: Props) {
  const navigation = useNavigation();
  const duplicate = useActionData<{ duplicate?: Duplicate }>()?.duplicate;
  const { form, formError, onSubmit, errors } = useSchemaForm(schema, defaults);
  return (
    <Form method="post" noValidate className="card" onSubmit={onSubmit}>
      <FormError message={formError} />
      <input type="hidden" {...form.register("idempotencyKey")} />
      <Field id="name" label="Name" error={errors.name}>
        {(aria) => <input type="text" autoComplete="off" {...aria} {...form.register("name")} />}
      </Field>
      <Field id="email" label="Email" error={errors.email}>
        {(aria) => <input type="email" autoComplete="off" {...aria} {...form.register("email")} />}
      </Field>
      {duplicate && errors.email ? (
        <p className="field-note">
          <Link to={`/candidates/${duplicate.id}`}>Open {duplicate.name}'s page</Link>
        </p>
      ) : null}
      <PositionField positions={positions} register={form.register("positionId")} error={errors.positionId} />
      <Field id="levelApplied" label="Level applied for" error={errors.levelApplied}>
        {(aria) => (
          <select {...aria} {...form.register("levelApplied")}>
            <option value="">Not stated</option>
            {HIRING_LEVELS.map((level) => (
              <option key={level}>{level}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="source" label="Source" hint="Referral, job board, agency…" error={errors.source}>
        {(aria) => <input type="text" {...aria} {...form.register("source")} />}
      </Field>
      <Field id="cvUrl" label="CV link (optional)" error={errors.cvUrl}>
        {(aria) => <input type="url" placeholder="https://" {...aria} {...form.register("cvUrl")} />}
      </Field>
      <button type="submit" disabled={navigation.state === "submitting"}>
        {navigation.state === "submitting" ? "Saving…" : submitLabel}
      </button>
    </Form>
  );
}
