import { Controller, type UseFormReturn } from "react-hook-form";
import type { useDraftAssistant } from "~/assistant/useDraftAssistant";
import { Field } from "~/ui/form";
import { LinesField } from "~/ui/LinesField";
import { RedFlagsEditor } from "../RedFlagsEditor";
import type { ScorecardContent } from "../scorecard.schema";

const LIST_LABELS = {
  strengths: "Strengths",
  improvements: "Areas for improvement",
  followUps: "Probing follow-up questions",
} as const;

// What the committee reads: the summary, strengths, areas, follow-ups and red flags, which the
// assistant may draft from the notes (it never rates or recommends).
export function FeedbackSection({
  form,
  assistant,
  redFlagTitles,
  onBlur,
}: {
  form: UseFormReturn<ScorecardContent>;
  assistant: ReturnType<typeof useDraftAssistant>;
  redFlagTitles: Record<string, string>;
  onBlur(): void;
}) {
  const { control, formState } = form;
  const errors = formState.errors;
  return (
    <>
      <h2>Feedback for the hiring committee</h2>
      <div className="assistant-bar">
        <button
          type="button"
          className="secondary"
          onClick={() => void assistant.requestDraft()}
          disabled={assistant.busy}
        >
          {assistant.busy ? "Drafting…" : "Draft with assistant"}
        </button>
        <p className="hint">
          Drafts the summary, strengths, areas, red flags and follow-ups from your notes. It never rates or recommends.
        </p>
        {assistant.message ? (
          <p role="status" className="assistant-message">
            {assistant.message}
          </p>
        ) : null}
        {assistant.pending ? (
          <div className="notice" role="alert">
            <p>You already wrote: {assistant.pending.join(", ")}. Replace your text with the assistant's draft?</p>
            <button type="button" onClick={assistant.replaceWritten}>
              Replace with the draft
            </button>{" "}
            <button type="button" className="secondary" onClick={assistant.keepWritten}>
              Keep my text
            </button>
          </div>
        ) : null}
      </div>
      <Controller
        control={control}
        name="summary"
        render={({ field }) => (
          <Field
            id="summary"
            label="Formal summary"
            hint="Third person, for the hiring committee."
            error={errors.summary}
          >
            {(aria) => <textarea {...aria} rows={6} value={field.value} onChange={field.onChange} onBlur={onBlur} />}
          </Field>
        )}
      />
      {(["strengths", "improvements", "followUps"] as const).map((name) => (
        <Controller
          key={name}
          control={control}
          name={name}
          render={({ field }) => (
            <LinesField
              id={name}
              label={LIST_LABELS[name]}
              value={field.value}
              onChange={field.onChange}
              onBlur={onBlur}
              error={errors[name]?.message}
            />
          )}
        />
      ))}
      <h2>Red flags</h2>
      <RedFlagsEditor control={control} errors={errors.redFlags} titles={redFlagTitles} onBlur={onBlur} />
    </>
  );
}
