import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { RedFlagsForm } from "~/kits/RedFlagsForm";
import { TemplatePage } from "~/kits/TemplatePage";
import { formOfTaxonomy, redFlagsFormSchema, taxonomyOfForm } from "~/kits/template-forms.schema";
import { saveTemplate, templatePage } from "~/kits/template-versions.server";
import type { RedFlagTaxonomy } from "~/scorecards/templates.schema";
import { parseRequest } from "~/ui/form.server";

export const meta: MetaFunction = () => [{ title: "Red-flag taxonomy · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const { content, ...page } = await templatePage("red-flags");
  return json({ ...page, form: formOfTaxonomy(content as RedFlagTaxonomy, page.version) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const parsed = await parseRequest(request, redFlagsFormSchema);
  if (!parsed.ok) return invalid(parsed.errors);
  return atEdge(async () => {
    await saveTemplate(user, "red-flags", taxonomyOfForm(parsed.data), parsed.data.baseVersion);
    return redirect("/admin/red-flags");
  });
}

export default function RedFlagsPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <TemplatePage
      title="Red-flag taxonomy"
      lead="What each red flag means, what in an answer shows it, and the advice printed when an interviewer raises it."
      fileName="red-flags.yaml"
      {...data}
    >
      <RedFlagsForm key={data.version} initial={data.form} />
    </TemplatePage>
  );
}
