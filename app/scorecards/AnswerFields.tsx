import { useState } from "react";
import { Field } from "~/ui/form";
import { elapsedStamp, insertStampedLine } from "./live-clock";
import { transcriptProblem, transcriptText } from "./transcript";

type Props = {
  index: number;
  // The interviewer's own question (not from the kit): its text is theirs to write.
  own: boolean;
  question: string;
  answer: string;
  notes: string;
  errors: { question?: string; answer?: string; notes?: string };
  liveStartedAt: number | null;
  current: boolean;
  onFocusQuestion(): void;
  onChange(field: "question" | "answer" | "notes", value: string): void;
  onBlur(): void;
  onRemove(): void;
};

export function AnswerFields(props: Props) {
  const { index, liveStartedAt } = props;
  const [uploadError, setUploadError] = useState<string | null>(null);
  const id = `q${index}`;

  async function upload(file: File | undefined) {
    if (!file) return;
    const problem = transcriptProblem(file);
    setUploadError(problem);
    if (problem) return;
    const text = transcriptText(file.name, await file.text());
    props.onChange("answer", props.answer ? `${props.answer}\n${text}` : text);
  }

  function onNotesKeyDown(event: React.KeyboardEvent<HTMLTextAreaElement>) {
    if (!liveStartedAt || event.key !== "Enter" || event.shiftKey || event.altKey || event.ctrlKey || event.metaKey)
      return;
    event.preventDefault();
    const target = event.currentTarget;
    const next = insertStampedLine(target.value, target.selectionStart, elapsedStamp(liveStartedAt, Date.now()));
    // Write the field and caret now, before the next keystroke can land: React then re-renders
    // with the value the field already has and leaves the caret alone.
    target.value = next.text;
    target.setSelectionRange(next.caret, next.caret);
    props.onChange("notes", next.text);
  }

  return (
    <section
      className={`answer card${props.current ? " current" : ""}`}
      aria-labelledby={`${id}-title`}
      onFocus={props.onFocusQuestion}
    >
      <div className="answer-head">
        <h3 id={`${id}-title`}>
          Q{index + 1}. {props.question || (props.own ? "Your own question" : "")}
        </h3>
        <button
          type="button"
          className="secondary small"
          onClick={props.onRemove}
          aria-label={`Remove question ${index + 1}`}
        >
          Remove
        </button>
      </div>
      {props.own ? (
        <Field
          id={`${id}-question`}
          label="Your question"
          error={props.errors.question ? { message: props.errors.question } : undefined}
        >
          {(aria) => (
            <input
              {...aria}
              type="text"
              value={props.question}
              onChange={(e) => props.onChange("question", e.target.value)}
              onBlur={props.onBlur}
            />
          )}
        </Field>
      ) : null}
      <Field
        id={`${id}-notes`}
        label="Your notes"
        hint={
          liveStartedAt
            ? "Enter starts a new line stamped with the elapsed time; Shift+Enter breaks the line."
            : undefined
        }
        error={props.errors.notes ? { message: props.errors.notes } : undefined}
      >
        {(aria) => (
          <textarea
            {...aria}
            data-question-notes={index}
            rows={5}
            value={props.notes}
            onKeyDown={onNotesKeyDown}
            onChange={(e) => props.onChange("notes", e.target.value)}
            onBlur={props.onBlur}
          />
        )}
      </Field>
      <Field
        id={`${id}-answer`}
        label="Candidate's answer"
        hint="Verbatim or paraphrased. Paste it, or upload a .txt or .vtt transcript."
        error={
          props.errors.answer ? { message: props.errors.answer } : uploadError ? { message: uploadError } : undefined
        }
      >
        {(aria) => (
          <textarea
            {...aria}
            rows={6}
            value={props.answer}
            onChange={(e) => props.onChange("answer", e.target.value)}
            onBlur={props.onBlur}
          />
        )}
      </Field>
      <label className="upload">
        <span>Upload transcript for Q{index + 1}</span>
        <input type="file" accept=".txt,.vtt,text/plain,text/vtt" onChange={(e) => void upload(e.target.files?.[0])} />
      </label>
    </section>
  );
}
