import { RED_FLAG_CATEGORIES } from "~/scorecards/rubric";
import { Field } from "~/ui/form";
import {
  flagLabel,
  formOfTaxonomy,
  readTaxonomyYaml,
  redFlagsFormSchema,
  taxonomyFieldName,
  wordingChanges,
  type RedFlagsFormInput,
} from "./template-forms.schema";
import { TemplateForm } from "./TemplateForm";

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
  return (
    <TemplateForm
      schema={redFlagsFormSchema}
      initial={initial}
      name="the red-flag taxonomy"
      note="Flags already raised keep their category; their titles and advice read as saved here from now on."
      changes={changes}
      readYaml={readTaxonomyYaml}
      formOf={formOfTaxonomy}
    >
      {(form) =>
        RED_FLAG_CATEGORIES.map((category) => (
          <fieldset key={category} className="card">
            <legend>{flagLabel(category)}</legend>
            {FIELDS.map(([field, label, rows]) => (
              <Field
                key={field}
                id={`${category}-${field}`}
                label={label}
                error={form.formState.errors.flags?.[category]?.[field]}
              >
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
        ))
      }
    </TemplateForm>
  );
}
