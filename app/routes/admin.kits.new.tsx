import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { blankKitForm, kitFormSchema } from "~/kits/kit-form.schema";
import { createKit } from "~/kits/kit-editor.server";
import { KitForm } from "~/kits/KitForm";
import { parseRequest } from "~/ui/form.server";

export const meta: MetaFunction = () => [{ title: "New question kit · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return null;
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const parsed = await parseRequest(request, kitFormSchema);
  if (!parsed.ok) return invalid(parsed.errors);
  return atEdge(async () => redirect(`/admin/kits/${await createKit(user, parsed.data)}`));
}

export default function NewKit() {
  return (
    <main className="page" id="main">
      <p>
        <Link to="/admin/kits">← Question kits</Link>
      </p>
      <h1>New question kit</h1>
      <KitForm initial={blankKitForm()} />
    </main>
  );
}
