import { type ActionFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { kitFormSchema, type KitFormInput } from "~/kits/kit-form.schema";
import { saveKit } from "~/kits/kit-editor.server";
import { kitPageLoader } from "~/kits/kit-page.server";
import { KitForm } from "~/kits/KitForm";
import { parseRequest } from "~/ui/form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit ${data?.title ?? "kit"} · Panel` }];

export const loader = kitPageLoader;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const kitId = params.kitId ?? "";
  const parsed = await parseRequest(request, kitFormSchema);
  if (!parsed.ok) return invalid(parsed.errors);
  return atEdge(async () => {
    await saveKit(user, kitId, parsed.data);
    return redirect(`/admin/kits/${kitId}`);
  });
}

export default function EditKit() {
  const data = useLoaderData<typeof loader>();
  return (
    <main className="page" id="main">
      <p>
        <Link to={`/admin/kits/${data.id}`}>← {data.title}</Link>
      </p>
      <h1>
        Edit {data.title} <span className="muted">v{data.version}</span>
      </h1>
      <KitForm key={data.version} initial={data.form as KitFormInput} />
    </main>
  );
}
