import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireRole, requireId } from "~/auth/guard.server";
import { atEdge, invalid, pageAtEdge } from "~/errors.server";
import type { HiringLevel } from "~/scorecards/rubric";
import { parseWith, readForm } from "~/ui/form.server";
import { candidateActionSchema, candidateSchema } from "~/candidates/candidate.schema";
import { candidateForEdit, changeCandidate } from "~/candidates/candidates.server";
import { CandidateForm } from "~/candidates/CandidateForm";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.candidate.name ?? "candidate"} · Panel` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "recruiter", "admin");
  const id = requireId(params.candidateId, "candidate");
  return json(await pageAtEdge(() => candidateForEdit(id)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const id = requireId(params.candidateId, "candidate");
  const parsed = parseWith(candidateActionSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  return atEdge(async () => {
    await changeCandidate(user, id, parsed.data);
    return redirect(`/candidates/${id}`);
  });
}

export default function EditCandidate() {
  const { candidate, positions } = useLoaderData<typeof loader>();
  return (
    <main className="page narrow" id="main">
      <p>
        <Link to={`/candidates/${candidate.id}`}>← {candidate.name}</Link>
      </p>
      <h1>Edit {candidate.name}</h1>
      <CandidateForm
        schema={candidateSchema}
        positions={positions}
        submitLabel="Save changes"
        defaults={{
          name: candidate.name,
          email: candidate.email,
          positionId: candidate.position_id,
          levelApplied: (candidate.level_applied ?? "") as HiringLevel | "",
          source: candidate.source ?? "",
          cvUrl: candidate.cv_url ?? "",
          idempotencyKey: "",
        }}
      />
      <Form method="post" className="card">
        <h2>{candidate.archived_at ? "Restore" : "Archive"}</h2>
        <p className="muted">
          {candidate.archived_at
            ? "Restoring brings the candidate back to the lists and their interviewers' home pages."
            : "Archiving hides the candidate from lists and interviewers' home pages. " +
              "Nothing is deleted; you can restore them."}
        </p>
        <button type="submit" name="intent" value={candidate.archived_at ? "restore" : "archive"} className="secondary">
          {candidate.archived_at ? "Restore candidate" : "Archive candidate"}
        </button>
      </Form>
    </main>
  );
}
