import { LEVELS, NOT_ASSESSED, type RatingValue } from "~/scorecards/rubric";

type Props = {
  name: string;
  legend: string;
  description?: string;
  value: RatingValue | null;
  onChange(value: RatingValue): void;
  error?: string;
  levelHints?: Partial<Record<string, string>>;
};

// Native radios: arrow keys move between levels, Space selects, the fieldset names the group.
export function RatingPicker({ name, legend, description, value, onChange, error, levelHints }: Props) {
  const errorId = `${name}-error`;
  const options = [...LEVELS.map((l) => ({ id: l.id, text: `${l.emoji} ${l.label}` })), { id: NOT_ASSESSED, text: "Not assessed" }];
  return (
    <fieldset className="rating" aria-invalid={Boolean(error)} aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {description ? <p className="hint">{description}</p> : null}
      <div className="rating-options">
        {options.map((option) => (
          <label key={option.id} className={`pill${value === option.id ? " selected" : ""}`} title={levelHints?.[option.id]}>
            <input
              type="radio"
              name={name}
              value={option.id}
              checked={value === option.id}
              onChange={() => onChange(option.id as RatingValue)}
            />
            <span>{option.text}</span>
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
