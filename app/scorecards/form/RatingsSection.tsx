import { Controller, type UseFormReturn } from "react-hook-form";
import { Field } from "~/ui/form";
import { RatingPicker } from "~/ui/RatingPicker";
import { COMPETENCIES, HIRING_LEVELS, RECOMMENDATIONS } from "../rubric";
import type { ScorecardContent } from "../scorecard.schema";
import type { Rubric } from "../templates.schema";

// The interviewer's judgement: a level per competency, then the recommendation and the level.
// A rating is a deliberate choice, so it is saved at once.
export function RatingsSection({
  form,
  rubric,
  onChoose,
}: {
  form: UseFormReturn<ScorecardContent>;
  rubric: Rubric;
  onChoose(): void;
}) {
  const { control, formState } = form;
  const errors = formState.errors;
  return (
    <>
      <h2>Competency ratings</h2>
      {COMPETENCIES.map((c) => (
        <Controller
          key={c.id}
          control={control}
          name={`ratings.${c.id}`}
          render={({ field }) => (
            <RatingPicker
              name={`rating-${c.id}`}
              legend={c.label}
              description={rubric.competencies[c.id]?.description}
              levelHints={rubric.competencies[c.id]?.levels}
              value={field.value}
              onChange={(v) => {
                field.onChange(v);
                onChoose();
              }}
              error={errors.ratings?.[c.id]?.message}
            />
          )}
        />
      ))}

      <h2>Recommendation</h2>
      <Controller
        control={control}
        name="recommendation"
        render={({ field }) => (
          <fieldset className="rating" id="recommendation" aria-invalid={Boolean(errors.recommendation)}>
            <legend>Overall recommendation</legend>
            <div className="rating-options">
              {RECOMMENDATIONS.map((r) => (
                <label key={r.id} className={`pill${field.value === r.id ? " selected" : ""}`}>
                  <input
                    type="radio"
                    name="recommendation"
                    value={r.id}
                    checked={field.value === r.id}
                    onChange={() => field.onChange(r.id)}
                  />
                  <span>
                    {r.emoji} {r.label}
                  </span>
                </label>
              ))}
            </div>
            {errors.recommendation ? <p className="field-error">{errors.recommendation.message}</p> : null}
          </fieldset>
        )}
      />
      <Controller
        control={control}
        name="level"
        render={({ field }) => (
          <Field id="level" label="Level recommendation" error={errors.level}>
            {(aria) => (
              <select {...aria} value={field.value ?? ""} onChange={(e) => field.onChange(e.target.value || null)}>
                <option value="">Not decided</option>
                {HIRING_LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      />
    </>
  );
}
