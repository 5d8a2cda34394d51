import { zodResolver } from "@hookform/resolvers/zod";
import { useActionData, useSubmit } from "@remix-run/react";
import { useEffect, useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Resolver, type UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { useServerErrors } from "~/ui/form";

// The template forms' save: check the fields, show what changes in words, and only post (as JSON,
// the values are nested) once the admin confirms. A refusal from the server brings the form back
// with its messages beside the fields.
export function useConfirmedSave<In extends FieldValues, Out extends FieldValues>(
  schema: z.ZodType<Out, In>,
  initial: In,
  describe: (before: In, after: In) => string[],
) {
  const submit = useSubmit();
  const form = useForm<In, unknown, Out>({
    resolver: zodResolver(schema as never) as unknown as Resolver<In, unknown, Out>,
    defaultValues: initial as DefaultValues<In>,
  });
  const formError = useServerErrors(form as unknown as UseFormReturn<In>);
  const reply = useActionData();
  const [pending, setPending] = useState<{ values: Out; changes: string[] } | null>(null);
  useEffect(() => setPending(null), [reply]);
  return {
    form,
    formError,
    pending,
    review: form.handleSubmit((values) => setPending({ values, changes: describe(initial, form.getValues()) })),
    confirm: () => pending && submit(pending.values as never, { method: "post", encType: "application/json" }),
    back: () => setPending(null),
  };
}
