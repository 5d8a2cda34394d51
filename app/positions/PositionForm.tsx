import { Form, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { COMPETENCIES, HIRING_LEVELS } from "~/scorecards/rubric";
import { Field, FormError } from "~/ui/form";
import { Choices } from "~/ui/Choices";
import type { PositionData, PositionFormValues } from "./position.schema";
import { useSchemaForm } from "~/ui/useSchemaForm";

type Props = {
  schema: z.ZodType<PositionData, PositionFormValues>;
  defaults: PositionFormValues;
  kits: { id: string; title: string; version: number }[];
  submitLabel: string;
  recruiters: { id: string; name: string }[];
};

export function PositionForm({ schema, defaults, kits, submitLabel, recruiters }: Props) {
  const navigation = useNavigation();
  const { form, formError, onSubmit, errors } = useSchemaForm(schema, defaults);
  return (
    <Form method="post" noValidate className="card" onSubmit={onSubmit}>
      <FormError message={formError} />
      <input type="hidden" {...form.register("idempotencyKey")} />
      <Field id="title" label="Title" error={errors.title}>
        {(aria) => <input type="text" {...aria} {...form.register("title")} />}
      </Field>
      <Field id="team" label="Team" error={errors.team}>
        {(aria) => <input type="text" {...aria} {...form.register("team")} />}
      </Field>
      <div className="field-row">
        <Field id="levelMin" label="Lowest level" error={errors.levelMin}>
          {(aria) => (
            <select {...aria} {...form.register("levelMin")}>
              {HIRING_LEVELS.map((level) => (
                <option key={level}>{level}</option>
              ))}
            </select>
          )}
        </Field>
        <Field id="levelMax" label="Highest level" error={errors.levelMax}>
          {(aria) => (
            <select {...aria} {...form.register("levelMax")}>
              {HIRING_LEVELS.map((level) => (
                <option key={level}>{level}</option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field
        id="kitId"
        label="Question kit"
        hint="Interviewers see this kit's questions beside their scorecard."
        error={errors.kitId}
      >
        {(aria) => (
          <select {...aria} {...form.register("kitId")}>
            <option value="">Choose a kit…</option>
            {kits.map((kit) => (
              <option key={kit.id} value={kit.id}>
                {kit.title} (v{kit.version})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id="recruiterId"
        label="Recruiter"
        hint="Hears when feedback on this position is overdue, and gets it in their digest."
        error={errors.recruiterId}
      >
        {(aria) => (
          <select {...aria} {...form.register("recruiterId")}>
            <option value="">Every recruiter</option>
            {recruiters.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Choices
        id="competencies"
        legend="Competencies the loop must cover"
        hint="The candidate page warns while no interviewer has one of these as their focus."
        options={COMPETENCIES.map((c) => ({ value: c.id, label: c.label }))}
        error={errors.competencies}
        register={form.register("competencies")}
      />
      <button type="submit" disabled={navigation.state === "submitting"}>
        {navigation.state === "submitting" ? "Saving…" : submitLabel}
      </button>
    </Form>
  );
}
