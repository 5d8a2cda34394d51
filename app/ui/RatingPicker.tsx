import { useState } from "react";
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
// The behavioural anchor of the focused (else the selected) level is written under the picker,
// where touch and keyboard users see it too, not only in a hover tooltip.
export function RatingPicker({ name, legend, description, value, onChange, error, levelHints }: Props) {
  const errorId = `${name}-error`;
  const anchorId = `${name}-anchor`;
  const [focused, setFocused] = useState<string | null>(null);
  const options = [
    ...LEVELS.map((l) => ({ id: l.id, label: l.label, text: `${l.emoji} ${l.label}` })),
    { id: NOT_ASSESSED, label: "Not assessed", text: "Not assessed" },
  ];
  const shown = options.find((o) => o.id === (focused ?? value));
  const anchor = shown && levelHints?.[shown.id];
  return (
    <fieldset className="rating" id={name} aria-invalid={Boolean(error)} aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      {description ? <p className="hint">{description}</p> : null}
      <div className="rating-options">
        {options.map((option) => (
          <label
            key={option.id}
            className={`pill${value === option.id ? " selected" : ""}`}
            title={levelHints?.[option.id]}
          >
            <input
              type="radio"
              name={name}
              value={option.id}
              checked={value === option.id}
              onChange={() => onChange(option.id as RatingValue)}
              onFocus={() => setFocused(option.id)}
              onBlur={() => setFocused(null)}
              aria-describedby={levelHints ? anchorId : undefined}
            />
            <span>{option.text}</span>
          </label>
        ))}
      </div>
      {levelHints ? (
        <p className="level-anchor hint" id={anchorId}>
          {anchor ? (
            <>
              <strong>{shown.label}:</strong> {anchor}
            </>
          ) : null}
        </p>
      ) : null}
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
