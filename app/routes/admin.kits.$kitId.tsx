import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect } from "react";
import { getDb } from "~db/index.server";
import { listKitHistory } from "~db/queries/kits";
import { requireRole } from "~/auth/guard.server";
import { DomainError } from "~/errors.server";
import { currentKit } from "~/scorecards/kits.server";
import { getTemplates } from "~/scorecards/templates.server";
import { formatDate } from "~/ui/format";
import { useTimeZone } from "~/ui/useTimeZone";
import { Field, FormError } from "~/ui/form";
import { parseWith, readForm } from "~/ui/form.server";
import { kitCopySchema, kitEditSchema } from "~/kits/kit.schema";
import { duplicateKit, kitAsYaml, saveKitEdit } from "~/kits/kit-editor.server";
import { formAction } from "~/ui/respond.server";
import { useSchemaForm } from "~/ui/useSchemaForm";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Kit"} · Panel` }];

async function kitOr404(kitId: string | undefined) {
  try {
    return await currentKit(kitId ?? "");
  } catch (error) {
    if (error instanceof DomainError) throw new Response("No such question kit.", { status: 404 });
    throw error;
  }
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const { kit, version } = await kitOr404(params.kitId);
  const history = await listKitHistory(getDb(), kit.id);
  const file = getTemplates().kitById(kit.id);
  return json({
    id: kit.id,
    title: kit.title,
    version,
    yaml: kitAsYaml(kit),
    history,
    fileVersion: file?.version ?? null,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const { kit } = await kitOr404(params.kitId);
  const form = await readForm(request);
  return formAction(async () => {
    if (form.intent === "duplicate") {
      const parsed = parseWith(kitCopySchema, form);
      if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
      const result = await duplicateKit(user, kit.id, parsed.data.newId, parsed.data.newTitle);
      return result.ok
        ? redirect(`/admin/kits/${parsed.data.newId}`)
        : json({ errors: result.errors }, { status: 400 });
    }
    const parsed = parseWith(kitEditSchema, form);
    if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
    const result = await saveKitEdit(user, kit.id, parsed.data.yaml, parsed.data.baseVersion);
    return result.ok ? redirect(`/admin/kits/${kit.id}`) : json({ errors: result.errors }, { status: 400 });
  });
}

export default function KitEditor() {
  const timeZone = useTimeZone();
  const data = useLoaderData<typeof loader>();
  return (
    <main className="page" id="main">
      <p>
        <Link to="/admin/kits">← Question kits</Link>
      </p>
      <h1>
        {data.title} <span className="muted">v{data.version}</span>
      </h1>
      <p>
        <Link className="button" to={`/admin/kits/${data.id}/edit`}>
          Edit questions in a form
        </Link>
      </p>
      <div className="hub">
        <EditForm key={data.version} yaml={data.yaml} version={data.version} />
        <aside>
          <DuplicateForm id={data.id} title={data.title} />
          <section className="card" aria-labelledby="history-heading">
            <h2 id="history-heading">Versions</h2>
            <ul className="plain-list">
              {data.history.map((h) => (
                <li key={h.version}>
                  v{h.version}{" "}
                  <span className="muted">
                    · {h.author}, {formatDate(h.created_at, timeZone)}
                  </span>
                </li>
              ))}
              {data.fileVersion ? (
                <li>
                  v{data.fileVersion} <span className="muted">· templates/kits (base)</span>
                </li>
              ) : null}
            </ul>
            <p className="muted">Scorecards keep the version they were written against; saving never changes them.</p>
          </section>
        </aside>
      </div>
    </main>
  );
}

function EditForm({ yaml, version }: { yaml: string; version: number }) {
  const navigation = useNavigation();
  const { form, formError, onSubmit, errors } = useSchemaForm(kitEditSchema, {
    yaml,
    baseVersion: version,
  });
  return (
    <Form method="post" noValidate className="card" onSubmit={onSubmit}>
      <h2>Edit</h2>
      <FormError message={formError} />
      <input type="hidden" {...form.register("baseVersion")} />
      <Field
        id="yaml"
        label="Kit (YAML)"
        hint="Same fields as the files in templates/kits. Saving stores a new version; the version number is set by Panel."
        error={errors.yaml}
      >
        {(aria) => <textarea className="code" spellCheck={false} {...aria} {...form.register("yaml")} />}
      </Field>
      <button type="submit" name="intent" value="save" disabled={navigation.state === "submitting"}>
        Save as version {version + 1}
      </button>
    </Form>
  );
}

function DuplicateForm({ id, title }: { id: string; title: string }) {
  const navigation = useNavigation();
  const { form, onSubmit, errors } = useSchemaForm(kitCopySchema, {
    newId: `${id}-copy`,
    newTitle: `Copy of ${title}`,
  });
  useEffect(() => form.reset({ newId: `${id}-copy`, newTitle: `Copy of ${title}` }), [id, title, form]);
  return (
    <Form method="post" noValidate className="card" onSubmit={onSubmit}>
      <h2>Duplicate</h2>
      <Field id="newId" label="New kit id" error={errors.newId}>
        {(aria) => <input type="text" {...aria} {...form.register("newId")} />}
      </Field>
      <Field id="newTitle" label="New title" error={errors.newTitle}>
        {(aria) => <input type="text" {...aria} {...form.register("newTitle")} />}
      </Field>
      <button
        type="submit"
        name="intent"
        value="duplicate"
        className="secondary"
        disabled={navigation.state === "submitting"}
      >
        Duplicate kit
      </button>
    </Form>
  );
}
