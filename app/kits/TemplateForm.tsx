import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import type { z } from "zod";
import { FormError } from "~/ui/form";
import { ConfirmSave } from "./ConfirmSave";
import { useConfirmedSave } from "./useConfirmedSave";
import { YamlImport } from "./YamlTransfer";
import type { YamlRead } from "./yaml-import";

type Props<In extends FieldValues & { baseVersion: number }, Out extends FieldValues, T> = {
  schema: z.ZodType<Out, In>;
  initial: In;
  // "the rubric": named in the confirmation's title.
  name: string;
  // What saving means for what is already recorded, shown with the list of changes.
  note: string;
  changes: (before: In, after: In) => string[];
  readYaml: (text: string) => YamlRead<T>;
  formOf: (value: T, version: number) => In;
  children: (form: UseFormReturn<In, unknown, Out>) => ReactNode;
};

// The frame of the rubric and red-flag editors: a YAML import that fills the fields, the fields
// themselves (children), and a save that first lists the changed wording for confirmation.
export function TemplateForm<In extends FieldValues & { baseVersion: number }, Out extends FieldValues, T>(
  props: Props<In, Out, T>,
) {
  const { form, formError, pending, review, confirm, back } = useConfirmedSave(
    props.schema,
    props.initial,
    props.changes,
  );
  const version = Number(props.initial.baseVersion);
  const importYaml = (text: string) => {
    const read = props.readYaml(text);
    if (!read.ok) return read.problem;
    form.reset(props.formOf(read.value, version));
    return null;
  };
  if (pending)
    return (
      <ConfirmSave
        title={`Save ${props.name} as version ${version + 1}?`}
        changes={pending.changes}
        note={props.note}
        onConfirm={confirm}
        onBack={back}
      />
    );
  return (
    <Form method="post" noValidate onSubmit={review}>
      <FormError message={formError} />
      <YamlImport load={importYaml} />
      {props.children(form)}
      <div className="card actions">
        <button type="submit">Review and save</button>
      </div>
    </Form>
  );
}
