import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/index.server";
import { findPosition } from "~db/queries/positions";
import { notFoundUnless, requireRole, requireId } from "~/auth/guard.server";
import type { CompetencyId, HiringLevel } from "~/scorecards/rubric";
import { kitChoices } from "~/scorecards/kits.server";
import { parseWith, readForm } from "~/ui/form.server";
import { positionSchema } from "~/positions/position.schema";
import { editPosition, setPositionStatus } from "~/positions/positions.server";
import { PositionForm } from "~/positions/PositionForm";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.position.title ?? "Position"} · Panel` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "recruiter", "admin");
  const position = notFoundUnless(await findPosition(getDb(), requireId(params.positionId, "position")), "position");
  return json({ position, kits: await kitChoices() });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const id = requireId(params.positionId, "position");
  notFoundUnless(await findPosition(getDb(), id), "position");
  const form = await readForm(request);
  if (form.intent === "close" || form.intent === "reopen") {
    await setPositionStatus(user, id, form.intent === "close" ? "closed" : "open");
    return redirect(`/positions/${id}`);
  }
  const parsed = parseWith(positionSchema, form);
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
  const result = await editPosition(user, id, parsed.data);
  if (!result.ok) return json({ errors: result.errors }, { status: 400 });
  return redirect("/positions");
}

export default function EditPosition() {
  const { position, kits } = useLoaderData<typeof loader>();
  const closed = position.status === "closed";
  return (
    <main className="page narrow" id="main">
      <p>
        <Link to="/positions">← Positions</Link>
      </p>
      <h1>
        {position.title} {closed ? <span className="badge closed">Closed</span> : null}
      </h1>
      <PositionForm
        key={position.id}
        schema={positionSchema}
        kits={kits}
        submitLabel="Save changes"
        defaults={{
          title: position.title,
          team: position.team,
          levelMin: position.level_min as HiringLevel,
          levelMax: position.level_max as HiringLevel,
          kitId: position.kit_id,
          competencies: position.competencies as CompetencyId[],
          idempotencyKey: "",
        }}
      />
      <Form method="post" className="card">
        <h2>{closed ? "Reopen" : "Close"} this position</h2>
        <p className="muted">
          {closed
            ? "Reopening lets recruiters add candidates to it again."
            : "A closed position takes no new candidates; its candidates and their loops stay as they are."}
        </p>
        <button type="submit" name="intent" value={closed ? "reopen" : "close"} className="secondary">
          {closed ? "Reopen position" : "Close position"}
        </button>
      </Form>
    </main>
  );
}
