import type { FieldError, UseFormRegisterReturn } from "react-hook-form";
import { MIN_PASSWORD } from "~/people/people.schema";
import { Field } from "~/ui/form";

type Props = {
  password: UseFormRegisterReturn;
  confirm: UseFormRegisterReturn;
  errors: { password?: FieldError; confirm?: FieldError };
};

// A new password typed twice, as the change-password and reset-link pages ask for it.
export function NewPasswordFields({ password, confirm, errors }: Props) {
  return (
    <>
      <Field
        id="password"
        label="New password"
        hint={`At least ${MIN_PASSWORD} characters; not a common password.`}
        error={errors.password}
      >
        {(aria) => <input type="password" autoComplete="new-password" {...aria} {...password} />}
      </Field>
      <Field id="confirm" label="New password again" error={errors.confirm}>
        {(aria) => <input type="password" autoComplete="new-password" {...aria} {...confirm} />}
      </Field>
    </>
  );
}
