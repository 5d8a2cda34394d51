import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect, useMemo } from "react";
import { useFieldArray, useForm, type Resolver, type UseFormReturn } from "react-hook-form";
import { COMPETENCIES, competencyLabel, type CompetencyId } from "~/scorecards/rubric";
import { Field, FormError, useServerErrors } from "~/ui/form";
import { stageLabel } from "~/vocabulary/stages";
import { Choices } from "~/ui/Choices";
import { INTERVIEW_STAGES } from "~/vocabulary/stages";
import { panelLoopSchema, type LoopRowInput, type PanelLoopData, type PanelLoopInput } from "./panel-loop.schema";

type Props = {
  interviewers: { id: string; name: string; email: string }[];
  questions: { id: string; prompt: string; competencies: string[]; ownedBy: string | null }[];
  timeZones: string[];
  idempotencyKey: string;
};

const emptyRow = (): LoopRowInput => ({
  interviewerId: "",
  date: "",
  time: "",
  durationMinutes: 45,
  focusCompetencies: [],
  focusQuestions: [],
});

// The whole loop in one form: one row per interview, one time zone, posted as JSON so the rows
// keep their shape; the action parses it with the same schema.
export function PanelBuilder({ interviewers, questions, timeZones, idempotencyKey }: Props) {
  const schema = useMemo(() => panelLoopSchema(), []);
  const submit = useSubmit();
  const navigation = useNavigation();
  const form = useForm<PanelLoopInput, unknown, PanelLoopData>({
    resolver: zodResolver(schema as never) as unknown as Resolver<PanelLoopInput, unknown, PanelLoopData>,
    defaultValues: {
      timeZone: "UTC",
      stage: "onsite",
      confirmPast: false,
      idempotencyKey,
      rows: [emptyRow(), emptyRow()],
    },
  });
  const rows = useFieldArray({ control: form.control, name: "rows" });
  const formError = useServerErrors(form as unknown as UseFormReturn<PanelLoopInput>);
  const errors = form.formState.errors;
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && timeZones.includes(zone) && !form.formState.dirtyFields.timeZone) form.setValue("timeZone", zone);
  }, [form, timeZones]);
  const onSubmit = form.handleSubmit((values) =>
    submit(values as never, { method: "post", encType: "application/json" }),
  );
  const questionOptions = questions.map((q) => ({
    value: q.id,
    label: q.prompt,
    hint: q.ownedBy
      ? `owned by ${q.ownedBy}`
      : q.competencies.map((id) => competencyLabel(id as CompetencyId)).join(", "),
  }));

  return (
    <Form method="post" noValidate className="panel-builder" onSubmit={onSubmit}>
      <FormError message={formError ?? errors.rows?.message ?? errors.rows?.root?.message} />
      <div className="card field-row">
        <Field
          id="timeZone"
          label="Time zone for the loop"
          hint="Every date and time below is in this zone."
          error={errors.timeZone}
        >
          {(aria) => (
            <select {...aria} {...form.register("timeZone")}>
              {timeZones.map((zone) => (
                <option key={zone}>{zone}</option>
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
      </div>
      {rows.fields.map((row, i) => {
        const rowErrors = errors.rows?.[i];
        const id = (name: string) => `rows-${i}-${name}`;
        return (
          <fieldset key={row.id} className="card loop-row">
            <legend>Interview {i + 1}</legend>
            <div className="field-row">
              <Field id={id("interviewerId")} label="Interviewer" error={rowErrors?.interviewerId}>
                {(aria) => (
                  <select {...aria} {...form.register(`rows.${i}.interviewerId`)}>
                    <option value="">Choose an interviewer…</option>
                    {interviewers.map((person) => (
                      <option key={person.id} value={person.id}>
                        {person.name} ({person.email})
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id={id("date")} label="Date" error={rowErrors?.date}>
                {(aria) => <input type="date" {...aria} {...form.register(`rows.${i}.date`)} />}
              </Field>
              <Field id={id("time")} label="Start time" error={rowErrors?.time}>
                {(aria) => <input type="time" {...aria} {...form.register(`rows.${i}.time`)} />}
              </Field>
              <Field id={id("durationMinutes")} label="Duration (minutes)" error={rowErrors?.durationMinutes}>
                {(aria) => (
                  <input
                    type="number"
                    min={10}
                    max={480}
                    step={5}
                    {...aria}
                    {...form.register(`rows.${i}.durationMinutes`)}
                  />
                )}
              </Field>
            </div>
            <Choices
              id={id("focusCompetencies")}
              legend="Focus competencies"
              options={COMPETENCIES.map((c) => ({ value: c.id, label: c.label }))}
              error={rowErrors?.focusCompetencies}
              register={form.register(`rows.${i}.focusCompetencies`)}
            />
            <Choices
              id={id("focusQuestions")}
              legend="Kit questions this interviewer owns"
              options={questionOptions}
              error={rowErrors?.focusQuestions}
              register={form.register(`rows.${i}.focusQuestions`)}
            />
            <button
              type="button"
              className="secondary"
              onClick={() => rows.remove(i)}
              disabled={rows.fields.length === 1}
            >
              Remove interview {i + 1}
            </button>
          </fieldset>
        );
      })}
      <div className="card">
        <p>
          <button type="button" className="secondary" onClick={() => rows.append(emptyRow())}>
            Add an interview
          </button>
        </p>
        <label className="choice">
          <input type="checkbox" {...form.register("confirmPast")} />
          <span>Some of these interviews are in the past (recording ones that already happened)</span>
        </label>
        <p>
          <button type="submit" disabled={navigation.state === "submitting"}>
            {navigation.state === "submitting" ? "Saving…" : "Schedule the panel"}
          </button>
        </p>
      </div>
    </Form>
  );
}
