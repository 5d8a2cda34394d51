// Server-side field errors on plain forms: the message, and the aria attributes that tie it to the input.
export function fieldAria(errors: Record<string, string> | undefined, name: string) {
  return errors?.[name] ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {};
}

export function ErrorText({ errors, name }: { errors: Record<string, string> | undefined; name: string }) {
  return errors?.[name] ? (
    <p className="field-error" id={`${name}-error`}>
      {errors[name]}
    </p>
  ) : null;
}
