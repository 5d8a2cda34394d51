import { Field } from "./form";

type Props = {
  id: string;
  label: string;
  hint?: string;
  value: string[];
  onChange(value: string[]): void;
  onBlur?(): void;
  error?: string;
  rows?: number;
};

// A list edited as lines of one textarea: quick to type, and blank lines are dropped on save.
export function LinesField({ id, label, hint = "One per line.", value, onChange, onBlur, error, rows = 4 }: Props) {
  return (
    <Field id={id} label={label} hint={hint} error={error ? { message: error } : undefined}>
      {(aria) => (
        <textarea
          {...aria}
          rows={rows}
          value={value.join("\n")}
          onChange={(e) => onChange(e.target.value.split("\n"))}
          onBlur={onBlur}
        />
      )}
    </Field>
  );
}

export const withoutBlankLines = (lines: string[]) => lines.map((l) => l.trim()).filter(Boolean);
