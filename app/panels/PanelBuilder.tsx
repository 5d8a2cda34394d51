import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useNavigation, useSubmit } from "@remix-run/react";
import { useMemo } from "react";
import { useFieldArray, useForm, type Resolver, type UseFormReturn } from "react-hook-form";
import { FormError, useServerErrors } from "~/ui/form";
import {
  FocusFields,
  InterviewerField,
  StageField,
  WhenFields,
  type Interviewer,
  type KitQuestion,
} from "./InterviewFields";
import { TimeZoneField, useBrowserTimeZone } from "~/ui/TimeZoneField";
import { panelLoopSchema, type LoopRowInput, type PanelLoopData, type PanelLoopInput } from "./panel-loop.schema";

type Props = {
  interviewers: Interviewer[];
  questions: KitQuestion[];
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
  useBrowserTimeZone(true, timeZones, (zone) => form.setValue("timeZone", zone));
  const onSubmit = form.handleSubmit((values) =>
    submit(values as never, { method: "post", encType: "application/json" }),
  );

  return (
    <Form method="post" noValidate className="panel-builder" onSubmit={onSubmit}>
      <FormError message={formError ?? errors.rows?.message ?? errors.rows?.root?.message} />
      <div className="card field-row">
        <TimeZoneField
          label="Time zone for the loop"
          hint="Every date and time below is in this zone."
          timeZones={timeZones}
          error={errors.timeZone}
          register={form.register("timeZone")}
        />
        <StageField error={errors.stage} register={form.register("stage")} />
      </div>
      {rows.fields.map((row, i) => {
        const rowErrors = errors.rows?.[i];
        const id = (name: string) => `rows-${i}-${name}`;
        return (
          <fieldset key={row.id} className="card loop-row">
            <legend>Interview {i + 1}</legend>
            <div className="field-row">
              <InterviewerField
                id={id("interviewerId")}
                interviewers={interviewers}
                error={rowErrors?.interviewerId}
                register={form.register(`rows.${i}.interviewerId`)}
              />
              <WhenFields
                id={id}
                errors={rowErrors ?? {}}
                register={{
                  date: form.register(`rows.${i}.date`),
                  time: form.register(`rows.${i}.time`),
                  durationMinutes: form.register(`rows.${i}.durationMinutes`),
                }}
              />
            </div>
            <FocusFields
              id={id}
              questions={questions}
              errors={rowErrors ?? {}}
              register={{
                focusCompetencies: form.register(`rows.${i}.focusCompetencies`),
                focusQuestions: form.register(`rows.${i}.focusQuestions`),
              }}
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
