import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireRole, requireId } from "~/auth/guard.server";
import { atEdge, invalid, pageAtEdge } from "~/errors.server";
import type { CompetencyId, HiringLevel } from "~/scorecards/rubric";
import { parseWith, readForm } from "~/ui/form.server";
import { positionActionSchema, positionSchema } from "~/positions/position.schema";
import { changePosition, positionForEdit } from "~/positions/positions.server";
import { PositionForm } from "~/positions/PositionForm";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.position.title ?? "Position"} · Panel` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "recruiter", "admin");
  const id = requireId(params.positionId, "position");
  return json(await pageAtEdge(() => positionForEdit(id)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const id = requireId(params.positionId, "position");
  const parsed = parseWith(positionActionSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  return atEdge(async () => {
    await changePosition(user, id, parsed.data);
    return redirect(parsed.data.intent === "save" ? "/positions" : `/positions/${id}`);
  });
}
export default function EditPosition() {
  const { position, kits, recruiters } = useLoaderData<typeof loader>();
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
        recruiters={recruiters}
        submitLabel="Save changes"
        defaults={{
          title: position.title,
          team: position.team,
          levelMin: position.level_min as HiringLevel,
          levelMax: position.level_max as HiringLevel,
          kitId: position.kit_id,
          competencies: position.competencies as CompetencyId[],
          recruiterId: position.recruiter_id ?? "",
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
