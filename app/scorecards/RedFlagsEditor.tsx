import { Controller, useFieldArray, type Control, type FieldErrors } from "react-hook-form";
import { RED_FLAG_CATEGORIES } from "./rubric";
import type { ScorecardContent } from "./scorecard.schema";
import { Field } from "~/ui/form";
import { LinesField } from "~/ui/LinesField";
import { SeverityPicker } from "~/ui/SeverityPicker";

type Props = {
  control: Control<ScorecardContent>;
  errors?: FieldErrors<ScorecardContent>["redFlags"];
  titles: Record<string, string>;
  onBlur(): void;
};

export function RedFlagsEditor({ control, errors, titles, onBlur }: Props) {
  const { fields, append, remove } = useFieldArray({ control, name: "redFlags" });
  return (
    <div className="red-flags">
      {fields.length === 0 ? <p className="empty">No red flags recorded.</p> : null}
      {fields.map((field, i) => (
        <fieldset key={field.id} className="red-flag card">
          <legend>Red flag {i + 1}</legend>
          <Controller
            control={control}
            name={`redFlags.${i}.category`}
            render={({ field: f }) => (
              <Field id={`rf${i}-category`} label="Category" error={errors?.[i]?.category}>
                {(aria) => (
                  <select {...aria} value={f.value} onChange={f.onChange} onBlur={onBlur}>
                    {RED_FLAG_CATEGORIES.map((c) => (
                      <option key={c} value={c}>
                        {titles[c] ?? c}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )}
          />
          <Controller
            control={control}
            name={`redFlags.${i}.severity`}
            render={({ field: f }) => <SeverityPicker name={`rf${i}-severity`} value={f.value} onChange={f.onChange} />}
          />
          <Controller
            control={control}
            name={`redFlags.${i}.justification`}
            render={({ field: f }) => (
              <Field id={`rf${i}-justification`} label="Justification" error={errors?.[i]?.justification}>
                {(aria) => <textarea {...aria} rows={3} value={f.value} onChange={f.onChange} onBlur={onBlur} />}
              </Field>
            )}
          />
          <Controller
            control={control}
            name={`redFlags.${i}.evidence`}
            render={({ field: f }) => (
              <LinesField
                id={`rf${i}-evidence`}
                label="Evidence (quotes)"
                hint="One quote per line."
                value={f.value}
                onChange={f.onChange}
                onBlur={onBlur}
                rows={3}
              />
            )}
          />
          <Controller
            control={control}
            name={`redFlags.${i}.suggestion`}
            render={({ field: f }) => (
              <Field id={`rf${i}-suggestion`} label="Improvement suggestion" error={errors?.[i]?.suggestion}>
                {(aria) => <textarea {...aria} rows={2} value={f.value} onChange={f.onChange} onBlur={onBlur} />}
              </Field>
            )}
          />
          <button type="button" className="secondary small" onClick={() => remove(i)}>
            Remove red flag {i + 1}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        className="secondary"
        onClick={() =>
          append({ category: "overclaiming", severity: 3, justification: "", evidence: [], suggestion: "" })
        }
      >
        Add red flag
      </button>
    </div>
  );
}
