import type { UseFormRegisterReturn } from "react-hook-form";

type Option = { value: string; label: string; hint?: string };

// A labelled group of checkboxes with its error tied to the group, for lists such as the
// competencies a loop must cover.
export function Choices({
  id,
  legend,
  hint,
  options,
  error,
  register,
}: {
  id: string;
  legend: string;
  hint?: string;
  options: Option[];
  error?: { message?: string };
  register: UseFormRegisterReturn;
}) {
  const describedBy =
    [hint ? `${id}-hint` : null, error?.message ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <fieldset className="field choices" id={id} aria-describedby={describedBy} aria-invalid={Boolean(error?.message)}>
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {options.map((option) => (
        <label key={option.value} className="choice">
          <input type="checkbox" value={option.value} {...register} />
          <span>
            {option.label}
            {option.hint ? <span className="muted"> · {option.hint}</span> : null}
          </span>
        </label>
      ))}
      {error?.message ? (
        <p className="field-error" id={`${id}-error`}>
          {error.message}
        </p>
      ) : null}
    </fieldset>
  );
}
