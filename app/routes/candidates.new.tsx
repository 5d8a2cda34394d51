import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { getDb } from "~db/index.server";
import { listOpenPositions } from "~db/queries/positions";
import { requireRole } from "~/auth/guard.server";
import { parseWith, readForm } from "~/ui/form.server";
import { newCandidateSchema } from "~/candidates/candidate.schema";
import { createCandidate } from "~/candidates/candidates.server";
import { CandidateForm } from "~/candidates/CandidateForm";

export const meta: MetaFunction = () => [{ title: "Add candidate · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "recruiter", "admin");
  return json({ positions: await listOpenPositions(getDb()), key: crypto.randomUUID() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const parsed = parseWith(newCandidateSchema, await readForm(request));
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
  const result = await createCandidate(user, parsed.data);
  if (!result.ok) return json({ errors: result.errors, duplicate: result.duplicate }, { status: 400 });
  return redirect(`/candidates/${result.id}`);
}

export default function NewCandidate() {
  const { positions, key } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  return (
    <main className="page narrow" id="main">
      <p>
        <Link to="/candidates">← Candidates</Link>
      </p>
      <h1>Add a candidate</h1>
      {positions.length === 0 ? (
        <p className="form-error">
          There is no open position yet. <Link to="/positions/new">Create a position</Link> first.
        </p>
      ) : null}
      <CandidateForm
        schema={newCandidateSchema}
        positions={positions}
        submitLabel="Add candidate"
        defaults={{
          name: "",
          email: "",
          positionId: params.get("position") ?? "",
          levelApplied: "",
          source: "",
          cvUrl: "",
          idempotencyKey: key,
        }}
      />
    </main>
  );
}
