import { type ActionFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { kitPageActionSchema } from "~/kits/kit.schema";
import { duplicateKit } from "~/kits/kit-editor.server";
import { kitPageLoader } from "~/kits/kit-page.server";
import { VersionHistory } from "~/kits/VersionHistory";
import { YamlExport } from "~/kits/YamlTransfer";
import { parseRequest } from "~/ui/form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Kit"} · Panel` }];

export const loader = kitPageLoader;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const parsed = await parseRequest(request, kitPageActionSchema);
  if (!parsed.ok) return invalid(parsed.errors);
  return atEdge(async () => redirect(`/admin/kits/${await duplicateKit(user, params.kitId ?? "")}/edit`));
}

export default function KitPage() {
  const data = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <main className="page" id="main">
      <p>
        <Link to="/admin/kits">← Question kits</Link>
      </p>
      <h1>
        {data.title} <span className="muted">v{data.version}</span>
      </h1>
      <div className="actions">
        <Link className="button" to={`/admin/kits/${data.id}/edit`}>
          Edit kit
        </Link>
        <Form method="post">
          <button
            type="submit"
            name="intent"
            value="duplicate"
            className="secondary"
            disabled={navigation.state !== "idle"}
          >
            Duplicate kit
          </button>
        </Form>
      </div>
      <div className="hub">
        <section className="card" aria-labelledby="questions-heading">
          <h2 id="questions-heading">Questions</h2>
          <ol>
            {data.questions.map((q) => (
              <li key={q.id}>
                {q.prompt} <span className="muted">· {q.timeBoxMinutes} min</span>
              </li>
            ))}
          </ol>
        </section>
        <aside>
          <VersionHistory
            history={data.history}
            base={data.fileVersion ? { version: data.fileVersion, source: "templates/kits" } : null}
            note="Scorecards keep the version they were written against; saving never changes them."
          />
          <YamlExport yaml={data.yaml} fileName={`${data.id}.yaml`} />
        </aside>
      </div>
    </main>
  );
}
