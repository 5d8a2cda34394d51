import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { Field, FormError } from "~/ui/form";
import { parseWith, readForm } from "~/ui/form.server";
import type { FormResult } from "~/ui/form-result";
import { hasProblems, importActionSchema, importSchema, type Preview } from "~/candidates/csv-import.schema";
import { commitImport, previewImport } from "~/candidates/csv-import.server";
import { openPositions } from "~/candidates/candidates.server";
import { useSchemaForm } from "~/ui/useSchemaForm";
import { PositionField } from "~/positions/PositionField";

export const meta: MetaFunction = () => [{ title: "Import candidates · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "recruiter", "admin");
  return json({ positions: await openPositions(), key: crypto.randomUUID() });
}

// A preview, or a commit refused with the preview that shows why.
type Previewed = { preview: Preview; csv: string; positionId: string };

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const form = await readForm(request);
  // Without JavaScript the file itself is posted; with it, its text is already in `csv`.
  const csv =
    typeof form.csv === "string" && form.csv.trim()
      ? form.csv
      : form.file instanceof File
        ? await form.file.text()
        : "";
  const parsed = parseWith(importActionSchema, { ...form, csv });
  if (!parsed.ok) return invalid(parsed.errors);
  const data = parsed.data;
  if (data.intent === "commit")
    return atEdge(async () => redirect(`/candidates?imported=${await commitImport(user, data)}`));
  return atEdge(async () => json({ ok: true as const, ...(await previewImport(data)) }));
}

export default function ImportCandidates() {
  const { positions, key } = useLoaderData<typeof loader>();
  const data = useActionData<FormResult<Previewed, Partial<Previewed>>>();
  const navigation = useNavigation();
  const { form, formError, onSubmit, errors } = useSchemaForm(importSchema, {
    positionId: "",
    csv: "",
    idempotencyKey: key,
  });
  const preview = data?.preview;
  // A preview's position problem belongs on the position field, as a refused commit's does.
  const positionError = errors.positionId ?? (preview?.positionError ? { message: preview.positionError } : undefined);
  return (
    <main className="page" id="main">
      <p>
        <Link to="/candidates">← Candidates</Link>
      </p>
      <h1>Import candidates from CSV</h1>
      <p className="lead">
        The first line names the columns: <code>name</code>, <code>email</code>, and optionally <code>level</code>,{" "}
        <code>source</code>, <code>cv_url</code>. You see every row and its problems before anything is saved, and the
        import saves all rows or none.
      </p>
      <Form method="post" encType="multipart/form-data" noValidate className="card" onSubmit={onSubmit}>
        <FormError message={formError} />
        <input type="hidden" {...form.register("idempotencyKey")} />
        <PositionField positions={positions} register={form.register("positionId")} error={positionError} />
        <Field id="file" label="CSV file">
          {(aria) => (
            <input
              type="file"
              name="file"
              accept=".csv,text/csv"
              {...aria}
              onChange={async (event) => {
                const file = event.currentTarget.files?.[0];
                if (file) form.setValue("csv", await file.text(), { shouldValidate: true });
              }}
            />
          )}
        </Field>
        <Field id="csv" label="…or paste the CSV" error={errors.csv}>
          {(aria) => <textarea className="code short" spellCheck={false} {...aria} {...form.register("csv")} />}
        </Field>
        <button type="submit" name="intent" value="preview" disabled={navigation.state === "submitting"}>
          Preview import
        </button>
      </Form>
      {preview && data.csv && data.positionId ? (
        <PreviewTable preview={preview} csv={data.csv} positionId={data.positionId} idempotencyKey={key} />
      ) : null}
    </main>
  );
}

function PreviewTable({
  preview,
  csv,
  positionId,
  idempotencyKey,
}: {
  preview: Preview;
  csv: string;
  positionId: string;
  idempotencyKey: string;
}) {
  const navigation = useNavigation();
  const problems = preview.rows.filter((r) => r.errors.length).length;
  return (
    <section aria-labelledby="preview-heading" className="card">
      <h2 id="preview-heading">Preview</h2>
      <FormError message={preview.fileError} />
      {problems ? (
        <p className="form-error" role="alert">
          {problems} of {preview.rows.length} rows have problems. Fix them in the file and preview again; nothing has
          been saved.
        </p>
      ) : null}
      {preview.rows.length ? (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">Rows to import</caption>
            <thead>
              <tr>
                <th scope="col">Line</th>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Level</th>
                <th scope="col">Source</th>
                <th scope="col">Problems</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.line} className={row.errors.length ? "has-error" : undefined}>
                  <td>{row.line}</td>
                  <td>{row.name}</td>
                  <td>{row.email}</td>
                  <td>{row.levelApplied}</td>
                  <td>{row.source}</td>
                  <td>
                    {row.errors.length ? (
                      <ul className="row-errors">
                        {row.errors.map((e) => (
                          <li key={e}>{e}</li>
                        ))}
                      </ul>
                    ) : (
                      <span className="muted">OK</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {!hasProblems(preview) ? (
        <Form method="post" className="import-commit">
          <input type="hidden" name="positionId" value={positionId} />
          <input type="hidden" name="csv" value={csv} />
          <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
          <button type="submit" name="intent" value="commit" disabled={navigation.state === "submitting"}>
            Import {preview.rows.length} candidate{preview.rows.length === 1 ? "" : "s"}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
