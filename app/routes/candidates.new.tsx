import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { parseWith, readForm } from "~/ui/form.server";
import { newCandidateSchema } from "~/candidates/candidate.schema";
import { createCandidate, openPositions } from "~/candidates/candidates.server";
import { CandidateForm } from "~/candidates/CandidateForm";

export const meta: MetaFunction = () => [{ title: "Add candidate · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "recruiter", "admin");
  return json({ positions: await openPositions(), key: crypto.randomUUID() });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const parsed = parseWith(newCandidateSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  return atEdge(async () => redirect(`/candidates/${await createCandidate(user, parsed.data)}`));
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
