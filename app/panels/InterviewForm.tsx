import { Form, useNavigation } from "@remix-run/react";
import type { z } from "zod";
import { FormError } from "~/ui/form";
import { useSchemaForm } from "~/ui/useSchemaForm";
import type { InterviewData, InterviewFormValues } from "./interview.schema";
import {
  FocusFields,
  InterviewerField,
  StageField,
  WhenFields,
  type Interviewer,
  type KitQuestion,
} from "./InterviewFields";
import { TimeZoneField, useBrowserTimeZone } from "~/ui/TimeZoneField";

type Props = {
  schema: z.ZodType<InterviewData, InterviewFormValues>;
  defaults: InterviewFormValues;
  interviewers: Interviewer[];
  questions: KitQuestion[];
  timeZones: string[];
  submitLabel: string;
  guessTimeZone?: boolean;
};

const id = (name: string) => name;

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
  useBrowserTimeZone(Boolean(guessTimeZone), timeZones, (zone) => form.setValue("timeZone", zone));
  return (
    <Form method="post" noValidate className="card" onSubmit={onSubmit}>
      <FormError message={formError} />
      <input type="hidden" {...form.register("idempotencyKey")} />
      <InterviewerField
        id="interviewerId"
        interviewers={interviewers}
        hint="Only active people with the interviewer role are listed."
        error={errors.interviewerId}
        register={form.register("interviewerId")}
      />
      <StageField error={errors.stage} register={form.register("stage")} />
      <div className="field-row">
        <WhenFields
          id={id}
          errors={errors}
          register={{
            date: form.register("date"),
            time: form.register("time"),
            durationMinutes: form.register("durationMinutes"),
          }}
        />
      </div>
      <TimeZoneField
        label="Time zone"
        hint="The date and time above are in this zone."
        timeZones={timeZones}
        error={errors.timeZone}
        register={form.register("timeZone")}
      />
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
      <FocusFields
        id={id}
        questions={questions}
        hints
        errors={errors}
        register={{
          focusCompetencies: form.register("focusCompetencies"),
          focusQuestions: form.register("focusQuestions"),
        }}
      />
      <button type="submit" disabled={navigation.state === "submitting"}>
        {navigation.state === "submitting" ? "Saving…" : submitLabel}
      </button>
    </Form>
  );
}
