import { zodResolver } from "@hookform/resolvers/zod";
import { useSubmit } from "@remix-run/react";
import { useForm, type DefaultValues, type FieldValues, type Resolver } from "react-hook-form";
import type { z } from "zod";
import { useServerErrors } from "~/ui/form";

// The pattern for every form: react-hook-form checks the schema in the
// browser, then the real <Form> is posted so the page also works without JavaScript, and the
// action's field errors (same schema, parsed again) land on the same fields. The field and
// submitted types are the schema's own input and output, so call sites name no types.
export function useSchemaForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues: DefaultValues<z.input<S>>,
) {
  type In = z.input<S>;
  type Out = z.output<S>;
  const submit = useSubmit();
  const form = useForm<In, unknown, Out>({
    // zodResolver's overloads cannot see through a generic schema; the cast restates what it returns.
    resolver: zodResolver(schema as never) as Resolver<In, unknown, Out>,
    defaultValues,
  });
  const formError = useServerErrors(form);
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    const target = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    // The clicked button's name=value (an intent) travels with the form, as without JavaScript.
    void form.handleSubmit(() => submit(submitter ?? target))(event);
  };
  return { form, formError, onSubmit, errors: form.formState.errors };
}
