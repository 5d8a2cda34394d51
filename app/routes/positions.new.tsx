import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { COMPETENCY_IDS } from "~/scorecards/rubric";
import { parseWith, readForm } from "~/ui/form.server";
import { newPositionSchema } from "~/positions/position.schema";
import { createPosition, positionChoices } from "~/positions/positions.server";
import { PositionForm } from "~/positions/PositionForm";

export const meta: MetaFunction = () => [{ title: "New position · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "recruiter", "admin");
  return json({ ...(await positionChoices()), key: crypto.randomUUID() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const parsed = parseWith(newPositionSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  return atEdge(async () => redirect(`/positions/${await createPosition(user, parsed.data)}`));
}

export default function NewPosition() {
  const { kits, recruiters, key } = useLoaderData<typeof loader>();
  return (
    <main className="page narrow" id="main">
      <p>
        <Link to="/positions">← Positions</Link>
      </p>
      <h1>New position</h1>
      <PositionForm
        schema={newPositionSchema}
        kits={kits}
        recruiters={recruiters}
        submitLabel="Create position"
        defaults={{
          title: "",
          team: "",
          levelMin: "Mid",
          levelMax: "Senior",
          kitId: "",
          competencies: [...COMPETENCY_IDS],
          recruiterId: "",
          idempotencyKey: key,
        }}
      />
    </main>
  );
}
