import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { RubricForm } from "~/kits/RubricForm";
import { TemplatePage } from "~/kits/TemplatePage";
import { formOfRubric, rubricFormSchema, rubricOfForm } from "~/kits/template-forms.schema";
import { saveTemplate, templatePage } from "~/kits/template-versions.server";
import type { Rubric } from "~/scorecards/templates.schema";
import { parseRequest } from "~/ui/form.server";

export const meta: MetaFunction = () => [{ title: "Rubric · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const { content, ...page } = await templatePage("rubric");
  return json({ ...page, form: formOfRubric(content as Rubric, page.version) });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const parsed = await parseRequest(request, rubricFormSchema);
  if (!parsed.ok) return invalid(parsed.errors);
  return atEdge(async () => {
    await saveTemplate(user, "rubric", rubricOfForm(parsed.data), parsed.data.baseVersion);
    return redirect("/admin/rubric");
  });
}

export default function RubricPage() {
  const data = useLoaderData<typeof loader>();
  return (
    <TemplatePage
      title="Rubric"
      lead={
        "What each competency means and what an answer at each level shows. " +
        "Interviewers see these anchors under the rating picker."
      }
      fileName="rubric.yaml"
      {...data}
    >
      <RubricForm key={data.version} initial={data.form} />
    </TemplatePage>
  );
}
