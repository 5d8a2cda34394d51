import { zodResolver } from "@hookform/resolvers/zod";
import { Form, useSubmit } from "@remix-run/react";
import { useState } from "react";
import { Controller, useFieldArray, useForm, type Resolver, type UseFormReturn } from "react-hook-form";
import { COMPETENCIES, QUESTION_KINDS } from "~/scorecards/rubric";
import { Field, FormError, useServerErrors } from "~/ui/form";
import { LinesField } from "~/ui/LinesField";
import { Choices } from "~/ui/Choices";
import { ConfirmSave } from "./ConfirmSave";
import {
  formOfKit,
  kitChanges,
  kitFormSchema,
  newQuestion,
  type KitFormData,
  type KitFormInput,
} from "./kit-form.schema";
import { readKitYaml } from "./kit.schema";
import { YamlImport } from "./YamlTransfer";

const LISTS = [
  ["frameworks", "Frameworks"],
  ["lookFor", "What to look for"],
  ["keyPoints", "Key points"],
  ["commonMistakes", "Common mistakes"],
] as const;

// The kit as a form instead of YAML: questions can be added, moved and removed, each field shows
// its own plain message, and saving asks for a confirmation listing what changes.
// A new kit (baseVersion 0) chooses its id; a saved kit keeps it.
export function KitForm({ initial }: { initial: KitFormInput }) {
  const submit = useSubmit();
  const isNew = Number(initial.baseVersion) === 0;
  const form = useForm<KitFormInput, unknown, KitFormData>({
    resolver: zodResolver(kitFormSchema as never) as unknown as Resolver<KitFormInput, unknown, KitFormData>,
    defaultValues: initial,
  });
  const questions = useFieldArray({ control: form.control, name: "questions" });
  const formError = useServerErrors(form as unknown as UseFormReturn<KitFormInput>);
  const [pending, setPending] = useState<{ values: KitFormData; changes: string[] } | null>(null);
  const errors = form.formState.errors;

  const onSubmit = form.handleSubmit((values) =>
    setPending({ values, changes: isNew ? [] : kitChanges(initial, form.getValues()) }),
  );
  const confirm = () => {
    if (pending) submit(pending.values as never, { method: "post", encType: "application/json" });
  };

  // Import replaces the form's values; a saved kit keeps its own id and version to compare with.
  const importYaml = (text: string) => {
    const read = readKitYaml(text);
    if (!read.ok) return read.problem;
    if (!isNew && read.value.id !== initial.id)
      return `Kit id: this YAML is for "${read.value.id}"; import it as a new kit, or change its id to "${initial.id}"`;
    form.reset({ ...formOfKit(read.value, Number(initial.baseVersion)) });
    return null;
  };

  if (pending) {
    return (
      <ConfirmSave
        title={isNew ? "Create this kit?" : `Save as version ${Number(initial.baseVersion) + 1}?`}
        changes={pending.changes}
        note="Scorecards already written keep the version they used."
        onConfirm={confirm}
        onBack={() => setPending(null)}
      />
    );
  }

  return (
    <Form method="post" noValidate onSubmit={onSubmit}>
      <FormError message={formError ?? errors.questions?.message ?? errors.questions?.root?.message} />
      <YamlImport load={importYaml} />
      <div className="card">
        <Field
          id="id"
          label="Kit id"
          hint={isNew ? "Lowercase words joined by hyphens; it cannot change later." : "Fixed once the kit is saved."}
          error={errors.id}
        >
          {(aria) => <input type="text" readOnly={!isNew} {...aria} {...form.register("id")} />}
        </Field>
        <Field id="title" label="Title" error={errors.title}>
          {(aria) => <input type="text" {...aria} {...form.register("title")} />}
        </Field>
        <Field id="position" label="Position" hint="Leave empty if the kit suits any role." error={errors.position}>
          {(aria) => <input type="text" {...aria} {...form.register("position")} />}
        </Field>
      </div>
      {questions.fields.map((question, i) => {
        const qErrors = errors.questions?.[i];
        const id = (name: string) => `questions-${i}-${name}`;
        return (
          <fieldset key={question.id} className="card kit-question">
            <legend>Question {i + 1}</legend>
            <div className="actions">
              <button type="button" className="secondary" onClick={() => questions.move(i, i - 1)} disabled={i === 0}>
                Move question {i + 1} up
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => questions.move(i, i + 1)}
                disabled={i === questions.fields.length - 1}
              >
                Move question {i + 1} down
              </button>
              <button
                type="button"
                className="secondary"
                onClick={() => questions.remove(i)}
                disabled={questions.fields.length === 1}
              >
                Remove question {i + 1}
              </button>
            </div>
            <Field id={id("prompt")} label="Prompt" error={qErrors?.prompt}>
              {(aria) => <textarea rows={3} {...aria} {...form.register(`questions.${i}.prompt`)} />}
            </Field>
            <div className="field-row">
              <Field id={id("id")} label="Question id" hint="Lowercase words joined by hyphens." error={qErrors?.id}>
                {(aria) => <input type="text" {...aria} {...form.register(`questions.${i}.id`)} />}
              </Field>
              <Field id={id("kind")} label="Kind" error={qErrors?.kind}>
                {(aria) => (
                  <select {...aria} {...form.register(`questions.${i}.kind`)}>
                    {QUESTION_KINDS.map((kind) => (
                      <option key={kind}>{kind}</option>
                    ))}
                  </select>
                )}
              </Field>
              <Field id={id("timeBoxMinutes")} label="Time box (minutes)" error={qErrors?.timeBoxMinutes}>
                {(aria) => (
                  <input type="number" min={1} max={60} {...aria} {...form.register(`questions.${i}.timeBoxMinutes`)} />
                )}
              </Field>
            </div>
            <Choices
              id={id("competencies")}
              legend="Competencies"
              options={COMPETENCIES.map((c) => ({ value: c.id, label: c.label }))}
              error={qErrors?.competencies}
              register={form.register(`questions.${i}.competencies`)}
            />
            {LISTS.map(([name, label]) => (
              <Controller
                key={name}
                control={form.control}
                name={`questions.${i}.${name}`}
                render={({ field }) => (
                  <LinesField
                    id={id(name)}
                    label={label}
                    value={field.value}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    error={qErrors?.[name]?.message}
                  />
                )}
              />
            ))}
            <Field
              id={id("source")}
              label="Source (optional)"
              hint="Where the question came from; shown to admins only."
              error={qErrors?.source}
            >
              {(aria) => <input type="text" {...aria} {...form.register(`questions.${i}.source`)} />}
            </Field>
          </fieldset>
        );
      })}
      <div className="card actions">
        <button
          type="button"
          className="secondary"
          onClick={() => questions.append(newQuestion(questions.fields.length + 1))}
        >
          Add a question
        </button>
        <button type="submit">Review and save</button>
      </div>
    </Form>
  );
}
