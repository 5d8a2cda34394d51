import { useEffect } from "react";
import { useActionData } from "@remix-run/react";
import type { FieldError, FieldValues, Path, UseFormReturn } from "react-hook-form";
import type { FieldErrors } from "~/ui/form-result";

// Puts the action's field errors (same schema, parsed on the server) onto the form's fields.
export function useServerErrors<T extends FieldValues, Out extends FieldValues = T>(
  form: UseFormReturn<T, unknown, Out>,
): string | undefined {
  const data = useActionData<{ errors?: FieldErrors }>();
  useEffect(() => {
    if (data?.errors) showFieldErrors(form, data.errors);
  }, [data, form]);
  return data?.errors?.form;
}

// Field errors from a reply (keyed by the form's dotted paths; "form" is about no one field) onto
// the fields. The first is focused unless the page shows an error summary that takes focus.
export function showFieldErrors<T extends FieldValues, Out extends FieldValues>(
  form: UseFormReturn<T, unknown, Out>,
  errors: FieldErrors,
  { focus = true } = {},
): void {
  Object.entries(errors)
    .filter(([key]) => key !== "form")
    .forEach(([key, message], i) =>
      form.setError(key as Path<T>, { type: "server", message }, { shouldFocus: focus && i === 0 }),
    );
}

type FieldProps = {
  id: string;
  label: string;
  hint?: string;
  error?: FieldError | { message?: string };
  children: (aria: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode;
};

export function Field({ id, label, hint, error, children }: FieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error?.message ? `${id}-error` : null].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {children({ id, "aria-invalid": Boolean(error?.message), "aria-describedby": describedBy || undefined })}
      {error?.message ? (
        <p className="field-error" id={`${id}-error`}>
          {error.message}
        </p>
      ) : null}
    </div>
  );
}

// A message about the whole form (not one field), announced when it appears.
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}

export type SummaryIssue = { label: string; message: string; targetId: string | null };

// The problems that stopped a submit, each linking to its field; focused when it appears so a
// keyboard or screen-reader user starts from the list rather than from wherever focus was.
export function ErrorSummary({ issues }: { issues: SummaryIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div
      className="form-error error-summary"
      id="error-summary"
      tabIndex={-1}
      role="alert"
      aria-labelledby="error-summary-title"
    >
      <h2 id="error-summary-title">
        Fix {issues.length === 1 ? "this field" : `these ${issues.length} fields`} before submitting
      </h2>
      <ul>
        {issues.map((issue, i) => (
          <li key={i}>
            {issue.targetId ? (
              <a href={`#${issue.targetId}`} onClick={(e) => focusField(e, issue.targetId!)}>
                {issue.label}: {issue.message}
              </a>
            ) : (
              `${issue.label}: ${issue.message}`
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}

// A fieldset (a group of radios) is not focusable itself: focus its checked or first choice.
function focusField(event: React.MouseEvent, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  const focusable = target.matches("fieldset")
    ? (target.querySelector<HTMLElement>("input:checked") ?? target.querySelector<HTMLElement>("input"))
    : target;
  focusable?.scrollIntoView({ block: "center" });
  focusable?.focus();
}
