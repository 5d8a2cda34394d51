import type { UseFormRegisterReturn } from "react-hook-form";
import { COMPETENCIES, competencyLabel, type CompetencyId } from "~/scorecards/rubric";
import { Choices } from "~/ui/Choices";
import { Field } from "~/ui/form";
import { INTERVIEW_STAGES, stageLabel } from "~/vocabulary/stages";

// The field rows of one interview, shared by the single-interview form and each row of the
// panel builder. Each takes what react-hook-form registered, so either form keeps its own paths.
type Error = { message?: string } | undefined;
export type Interviewer = { id: string; name: string; email: string };
export type KitQuestion = { id: string; prompt: string; competencies: string[]; ownedBy: string | null };

export function InterviewerField(props: {
  id: string;
  interviewers: Interviewer[];
  hint?: string;
  error: Error;
  register: UseFormRegisterReturn;
}) {
  return (
    <Field id={props.id} label="Interviewer" hint={props.hint} error={props.error}>
      {(aria) => (
        <select {...aria} {...props.register}>
          <option value="">Choose an interviewer…</option>
          {props.interviewers.map((person) => (
            <option key={person.id} value={person.id}>
              {person.name} ({person.email})
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

export function StageField({ error, register }: { error: Error; register: UseFormRegisterReturn }) {
  return (
    <Field id="stage" label="Stage" error={error}>
      {(aria) => (
        <select {...aria} {...register}>
          {INTERVIEW_STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {stageLabel(stage)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

type WhenProps = {
  id: (name: string) => string;
  errors: { date?: Error; time?: Error; durationMinutes?: Error };
  register: { date: UseFormRegisterReturn; time: UseFormRegisterReturn; durationMinutes: UseFormRegisterReturn };
};

export function WhenFields({ id, errors, register }: WhenProps) {
  return (
    <>
      <Field id={id("date")} label="Date" error={errors.date}>
        {(aria) => <input type="date" {...aria} {...register.date} />}
      </Field>
      <Field id={id("time")} label="Start time" error={errors.time}>
        {(aria) => <input type="time" {...aria} {...register.time} />}
      </Field>
      <Field id={id("durationMinutes")} label="Duration (minutes)" error={errors.durationMinutes}>
        {(aria) => <input type="number" min={10} max={480} step={5} {...aria} {...register.durationMinutes} />}
      </Field>
    </>
  );
}

type FocusProps = {
  id: (name: string) => string;
  questions: KitQuestion[];
  hints?: boolean;
  errors: { focusCompetencies?: Error; focusQuestions?: Error };
  register: { focusCompetencies: UseFormRegisterReturn; focusQuestions: UseFormRegisterReturn };
};

export function FocusFields({ id, questions, hints, errors, register }: FocusProps) {
  return (
    <>
      <Choices
        id={id("focusCompetencies")}
        legend="Focus competencies"
        hint={hints ? "What this interviewer assesses; the candidate page shows what nobody covers." : undefined}
        options={COMPETENCIES.map((c) => ({ value: c.id, label: c.label }))}
        error={errors.focusCompetencies}
        register={register.focusCompetencies}
      />
      <Choices
        id={id("focusQuestions")}
        legend="Kit questions this interviewer owns"
        hint={hints ? "Each question belongs to one interviewer, so nobody asks the same thing twice." : undefined}
        options={questions.map((q) => ({
          value: q.id,
          label: q.prompt,
          hint: q.ownedBy
            ? `owned by ${q.ownedBy}`
            : q.competencies.map((c) => competencyLabel(c as CompetencyId)).join(", "),
        }))}
        error={errors.focusQuestions}
        register={register.focusQuestions}
      />
    </>
  );
}
