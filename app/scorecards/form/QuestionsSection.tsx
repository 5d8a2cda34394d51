import { Controller, type UseFormReturn } from "react-hook-form";
import { Field } from "~/ui/form";
import { AnswerFields } from "../AnswerFields";
import { isOwnQuestion, type ScorecardContent } from "../scorecard.schema";
import type { useLiveMode } from "../LiveMode";
import type { useQuestions } from "./useQuestions";

type Props = {
  form: UseFormReturn<ScorecardContent>;
  questions: ReturnType<typeof useQuestions>;
  live: ReturnType<typeof useLiveMode>;
  onBlur(): void;
  // Shown between the questions and the general notes (the bias warnings on the notes).
  children?: React.ReactNode;
};

// The questions asked, each with the candidate's answer and the interviewer's notes, then the
// notes that belong to no one question.
export function QuestionsSection({ form, questions, live, onBlur, children }: Props) {
  const { control, formState } = form;
  const errors = formState.errors;
  const { removed } = questions;
  return (
    <>
      <h2>Questions and answers</h2>
      {questions.fields.map((field, i) => (
        <Controller
          key={field.id}
          control={control}
          name={`answers.${i}`}
          render={({ field: f }) => (
            <AnswerFields
              index={i}
              own={isOwnQuestion(f.value.questionId)}
              question={f.value.question}
              answer={f.value.answer}
              notes={f.value.notes}
              errors={{
                question: errors.answers?.[i]?.question?.message,
                answer: errors.answers?.[i]?.answer?.message,
                notes: errors.answers?.[i]?.notes?.message,
              }}
              liveStartedAt={live.startedAt}
              current={live.startedAt !== null && live.index === i}
              onFocusQuestion={() => live.setIndex(i)}
              onChange={(key, value) => f.onChange({ ...f.value, [key]: value })}
              onBlur={onBlur}
              onRemove={() => questions.remove(i)}
            />
          )}
        />
      ))}
      {removed ? (
        <div className="notice" role="status">
          <p>
            Removed Q{removed.index + 1}, “{removed.answer.question || "Your own question"}”, with its notes.{" "}
            <button type="button" id="undo-remove" className="small" onClick={questions.undo}>
              Undo
            </button>
          </p>
        </div>
      ) : null}
      <button type="button" id="add-own-question" className="secondary" onClick={questions.addOwn}>
        Add a question of your own
      </button>
      {children}
      <Controller
        control={control}
        name="notes"
        render={({ field }) => (
          <Field
            id="general-notes"
            label="General notes"
            hint="Anything not tied to one question."
            error={errors.notes}
          >
            {(aria) => <textarea {...aria} rows={4} value={field.value} onChange={field.onChange} onBlur={onBlur} />}
          </Field>
        )}
      />
    </>
  );
}
