import { Form } from "@remix-run/react";
import { RED_FLAG_CATEGORIES } from "~/scorecards/rubric";
import { Field, FormError } from "~/ui/form";
import { ConfirmSave } from "./ConfirmSave";
import {
  flagLabel,
  formOfTaxonomy,
  readTaxonomyYaml,
  redFlagsFormSchema,
  taxonomyFieldName,
  wordingChanges,
  type RedFlagsFormInput,
} from "./template-forms.schema";
import { useConfirmedSave } from "./useConfirmedSave";
import { YamlImport } from "./YamlTransfer";

const FIELDS = [
  ["title", "Title", 1],
  ["meaning", "Meaning", 2],
  ["evidence", "Evidence", 3],
  ["suggestion", "Suggestion", 3],
] as const;

const changes = (before: RedFlagsFormInput, after: RedFlagsFormInput) =>
  wordingChanges(before.flags, after.flags, taxonomyFieldName);

// What each red flag means, what shows it and the advice printed when an interviewer raises it.
export function RedFlagsForm({ initial }: { initial: RedFlagsFormInput }) {
  const { form, formError, pending, review, confirm, back } = useConfirmedSave(redFlagsFormSchema, initial, changes);
  const errors = form.formState.errors;
  const version = Number(initial.baseVersion);
  const importYaml = (text: string) => {
    const read = readTaxonomyYaml(text);
    if (!read.ok) return read.problem;
    form.reset(formOfTaxonomy(read.value, version));
    return null;
  };
  if (pending)
    return (
      <ConfirmSave
        title={`Save the red-flag taxonomy as version ${version + 1}?`}
        changes={pending.changes}
        note="Flags already raised keep their category; their titles and advice read as saved here from now on."
        onConfirm={confirm}
        onBack={back}
      />
    );
  return (
    <Form method="post" noValidate onSubmit={review}>
      <FormError message={formError} />
      <YamlImport load={importYaml} />
      {RED_FLAG_CATEGORIES.map((category) => (
        <fieldset key={category} className="card">
          <legend>{flagLabel(category)}</legend>
          {FIELDS.map(([field, label, rows]) => (
            <Field key={field} id={`${category}-${field}`} label={label} error={errors.flags?.[category]?.[field]}>
              {(aria) =>
                rows === 1 ? (
                  <input type="text" {...aria} {...form.register(`flags.${category}.${field}`)} />
                ) : (
                  <textarea rows={rows} {...aria} {...form.register(`flags.${category}.${field}`)} />
                )
              }
            </Field>
          ))}
        </fieldset>
      ))}
      <div className="card actions">
        <button type="submit">Review and save</button>
      </div>
    </Form>
  );
}
