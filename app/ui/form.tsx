import { useEffect } from "react";
import { useActionData } from "@remix-run/react";
import type { FieldError, FieldValues, Path, UseFormReturn } from "react-hook-form";

// Puts the action's field errors (same schema, parsed on the server) onto the form's fields.
export function useServerErrors<T extends FieldValues>(form: UseFormReturn<T>): string | undefined {
  const data = useActionData<{ errors?: Record<string, string> }>();
  useEffect(() => {
    const entries = Object.entries(data?.errors ?? {}).filter(([key]) => key !== "form");
    entries.forEach(([key, message], i) => form.setError(key as Path<T>, { type: "server", message }, { shouldFocus: i === 0 }));
  }, [data, form]);
  return data?.errors?.form;
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
