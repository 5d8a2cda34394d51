import type { FieldValues } from "react-hook-form";
import { Form, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import type { z } from "zod";
import { COMPETENCIES, competencyLabel, type CompetencyId } from "~/scorecards/rubric";
import { Field, FormError } from "~/ui/form";
import { stageLabel } from "~/vocabulary/stages";
import { Choices } from "~/ui/Choices";
import { type InterviewInput } from "./interview.schema";
import { INTERVIEW_STAGES } from "~/vocabulary/stages";
import { useSchemaForm } from "~/ui/useSchemaForm";

type Props = {
  // The new and the edit schema: only the new one asks for an idempotency key.
  schema: z.ZodType<
    FieldValues,
    Omit<InterviewInput, "idempotencyKey"> & Partial<Pick<InterviewInput, "idempotencyKey">>
  >;
  defaults: InterviewInput;
  interviewers: { id: string; name: string; email: string }[];
  questions: { id: string; prompt: string; competencies: string[]; ownedBy: string | null }[];
  timeZones: string[];
  submitLabel: string;
  guessTimeZone?: boolean;
};

export function InterviewForm({
  schema,
  defaults,
  interviewers,
  questions,
  timeZones,
  submitLabel,
  guessTimeZone,
}: Props) {
  const navigation = useNavigation();
  const { form, formError, onSubmit, errors } = useSchemaForm(schema, defaults);
  // A new interview starts in the recruiter's own zone; the server render cannot know it.
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (guessTimeZone && zone && timeZones.includes(zone) && !form.formState.dirtyFields.timeZone)
      form.setValue("timeZone", zone);
  }, [guessTimeZone, form, timeZones]);
  return (
    <Form method="post" noValidate className="card" onSubmit={onSubmit}>
      <FormError message={formError} />
      <input type="hidden" {...form.register("idempotencyKey")} />
      <Field
        id="interviewerId"
        label="Interviewer"
        hint="Only active people with the interviewer role are listed."
        error={errors.interviewerId}
      >
        {(aria) => (
          <select {...aria} {...form.register("interviewerId")}>
            <option value="">Choose an interviewer…</option>
            {interviewers.map((person) => (
              <option key={person.id} value={person.id}>
                {person.name} ({person.email})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="stage" label="Stage" error={errors.stage}>
        {(aria) => (
          <select {...aria} {...form.register("stage")}>
            {INTERVIEW_STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {stageLabel(stage)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="field-row">
        <Field id="date" label="Date" error={errors.date}>
          {(aria) => <input type="date" {...aria} {...form.register("date")} />}
        </Field>
        <Field id="time" label="Start time" error={errors.time}>
          {(aria) => <input type="time" {...aria} {...form.register("time")} />}
        </Field>
        <Field id="durationMinutes" label="Duration (minutes)" error={errors.durationMinutes}>
          {(aria) => (
            <input type="number" min={10} max={480} step={5} {...aria} {...form.register("durationMinutes")} />
          )}
        </Field>
      </div>
      <Field id="timeZone" label="Time zone" hint="The date and time above are in this zone." error={errors.timeZone}>
        {(aria) => (
          <select {...aria} {...form.register("timeZone")}>
            {timeZones.map((zone) => (
              <option key={zone}>{zone}</option>
            ))}
          </select>
        )}
      </Field>
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            aria-describedby={errors.confirmPast ? "confirmPast-error" : undefined}
            aria-invalid={Boolean(errors.confirmPast)}
            {...form.register("confirmPast")}
          />
          <span>This interview is in the past (recording one that already happened)</span>
        </label>
        {errors.confirmPast?.message ? (
          <p className="field-error" id="confirmPast-error">
            {errors.confirmPast.message}
          </p>
        ) : null}
      </div>
      <Choices
        id="focusCompetencies"
        legend="Focus competencies"
        hint="What this interviewer assesses; the candidate page shows what nobody covers."
        options={COMPETENCIES.map((c) => ({ value: c.id, label: c.label }))}
        error={errors.focusCompetencies}
        register={form.register("focusCompetencies")}
      />
      <Choices
        id="focusQuestions"
        legend="Kit questions this interviewer owns"
        hint="Each question belongs to one interviewer, so nobody asks the same thing twice."
        options={questions.map((q) => ({
          value: q.id,
          label: q.prompt,
          hint: q.ownedBy
            ? `owned by ${q.ownedBy}`
            : q.competencies.map((id) => competencyLabel(id as CompetencyId)).join(", "),
        }))}
        error={errors.focusQuestions}
        register={form.register("focusQuestions")}
      />
      <button type="submit" disabled={navigation.state === "submitting"}>
        {navigation.state === "submitting" ? "Saving…" : submitLabel}
      </button>
    </Form>
  );
}
