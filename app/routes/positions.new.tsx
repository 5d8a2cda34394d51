import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { COMPETENCY_IDS } from "~/scorecards/rubric";
import { kitChoices } from "~/scorecards/kits.server";
import { parseWith, readForm } from "~/ui/form.server";
import { newPositionSchema } from "~/positions/position.schema";
import { createPosition } from "~/positions/positions.server";
import { PositionForm } from "~/positions/PositionForm";

export const meta: MetaFunction = () => [{ title: "New position · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "recruiter", "admin");
  return json({
    kits: await kitChoices(),
    key: crypto.randomUUID(),
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const parsed = parseWith(newPositionSchema, await readForm(request));
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
  const result = await createPosition(user, parsed.data);
  if (!result.ok) return json({ errors: result.errors }, { status: 400 });
  return redirect(`/positions/${result.data}`);
}

export default function NewPosition() {
  const { kits, key } = useLoaderData<typeof loader>();
  return (
    <main className="page narrow" id="main">
      <p>
        <Link to="/positions">← Positions</Link>
      </p>
      <h1>New position</h1>
      <PositionForm
        schema={newPositionSchema}
        kits={kits}
        submitLabel="Create position"
        defaults={{
          title: "",
          team: "",
          levelMin: "Mid",
          levelMax: "Senior",
          kitId: "",
          competencies: [...COMPETENCY_IDS],
          idempotencyKey: key,
        }}
      />
    </main>
  );
}
