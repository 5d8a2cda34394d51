import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { DomainError } from "~/errors.server";
import { currentKit } from "~/scorecards/kits.server";
import { formOfKit, kitFormSchema, type KitFormInput } from "~/kits/kit-form.schema";
import { saveKitForm } from "~/kits/kit-editor.server";
import { KitForm } from "~/kits/KitForm";
import { formAction } from "~/ui/respond.server";
import { parseRequest } from "~/ui/form.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Edit ${data?.form.title ?? "kit"} · Panel` }];

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
  return json({ id: kit.id, version, form: formOfKit(kit, version) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const { kit } = await kitOr404(params.kitId);
  const parsed = await parseRequest(request, kitFormSchema);
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
  return formAction(async () => {
    const result = await saveKitForm(user, kit.id, parsed.data);
    return result.ok ? redirect(`/admin/kits/${kit.id}`) : json({ errors: result.errors }, { status: 400 });
  });
}

export default function EditKit() {
  const data = useLoaderData<typeof loader>();
  return (
    <main className="page" id="main">
      <p>
        <Link to={`/admin/kits/${data.id}`}>← {data.form.title}</Link>
      </p>
      <h1>
        Edit {data.form.title} <span className="muted">v{data.version}</span>
      </h1>
      <KitForm key={data.version} initial={data.form as KitFormInput} version={data.version} />
    </main>
  );
}
