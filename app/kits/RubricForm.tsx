import { COMPETENCIES, HIRING_LEVELS, LEVELS, RECOMMENDATIONS } from "~/scorecards/rubric";
import { Field } from "~/ui/form";
import {
  formOfRubric,
  readRubricYaml,
  rubricFieldName,
  rubricFormSchema,
  wordingChanges,
  type RubricFormInput,
} from "./template-forms.schema";
import { TemplateForm } from "./TemplateForm";

const changes = (before: RubricFormInput, after: RubricFormInput) => wordingChanges(before, after, rubricFieldName);

// Each competency's meaning and what an answer at each level shows: the anchors interviewers read
// under the rating picker and the committee reads in the packet.
export function RubricForm({ initial }: { initial: RubricFormInput }) {
  return (
    <TemplateForm
      schema={rubricFormSchema}
      initial={initial}
      name="the rubric"
      note="Scorecards and packets show the new wording from now on; ratings already given keep their level."
      changes={changes}
      readYaml={readRubricYaml}
      formOf={formOfRubric}
    >
      {(form) => {
        const errors = form.formState.errors;
        return (
          <>
            {COMPETENCIES.map((c) => {
              const cErrors = errors.competencies?.[c.id];
              return (
                <fieldset key={c.id} className="card">
                  <legend>{c.label}</legend>
                  <Field id={`${c.id}-description`} label="Description" error={cErrors?.description}>
                    {(aria) => <textarea rows={2} {...aria} {...form.register(`competencies.${c.id}.description`)} />}
                  </Field>
                  {LEVELS.map((l) => (
                    <Field key={l.id} id={`${c.id}-${l.id}`} label={l.label} error={cErrors?.levels?.[l.id]}>
                      {(aria) => (
                        <textarea rows={2} {...aria} {...form.register(`competencies.${c.id}.levels.${l.id}`)} />
                      )}
                    </Field>
                  ))}
                </fieldset>
              );
            })}
            <fieldset className="card">
              <legend>Recommendations</legend>
              {RECOMMENDATIONS.map((r) => (
                <Field
                  key={r.id}
                  id={`recommendation-${r.id}`}
                  label={r.label}
                  error={errors.recommendations?.[r.id]?.description}
                >
                  {(aria) => <textarea rows={2} {...aria} {...form.register(`recommendations.${r.id}.description`)} />}
                </Field>
              ))}
            </fieldset>
            <fieldset className="card">
              <legend>Hiring levels</legend>
              {HIRING_LEVELS.map((level) => (
                <Field
                  key={level}
                  id={`hiring-level-${level}`}
                  label={level}
                  error={errors.hiringLevels?.[level]?.description}
                >
                  {(aria) => <textarea rows={2} {...aria} {...form.register(`hiringLevels.${level}.description`)} />}
                </Field>
              ))}
            </fieldset>
          </>
        );
      }}
    </TemplateForm>
  );
}
