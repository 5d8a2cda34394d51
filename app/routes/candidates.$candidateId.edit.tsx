import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/index.server";
import { findCandidate } from "~db/queries/candidates";
import { listOpenPositions } from "~db/queries/positions";
import { notFoundUnless, requireRole, requireId } from "~/auth/guard.server";
import type { HiringLevel } from "~/scorecards/rubric";
import { parseWith, readForm } from "~/ui/form.server";
import { candidateSchema } from "~/candidates/candidate.schema";
import { editCandidate, setArchived } from "~/candidates/candidates.server";
import { CandidateForm } from "~/candidates/CandidateForm";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Edit ${data?.candidate.name ?? "candidate"} · Panel` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "recruiter", "admin");
  const candidate = notFoundUnless(
    await findCandidate(getDb(), requireId(params.candidateId, "candidate")),
    "candidate",
  );
  const open = await listOpenPositions(getDb());
  // The candidate's own position stays listed even once it is closed.
  const positions = open.some((p) => p.id === candidate.position_id)
    ? open
    : [{ id: candidate.position_id, title: `${candidate.position_title} (closed)`, team: "" }, ...open];
  return json({ candidate, positions });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const id = requireId(params.candidateId, "candidate");
  notFoundUnless(await findCandidate(getDb(), id), "candidate");
  const form = await readForm(request);
  if (form.intent === "archive" || form.intent === "restore") {
    await setArchived(user, id, form.intent === "archive");
    return redirect(`/candidates/${id}`);
  }
  const parsed = parseWith(candidateSchema, form);
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
  const result = await editCandidate(user, id, parsed.data);
  if (!result.ok) return json({ errors: result.errors, duplicate: result.duplicate }, { status: 400 });
  return redirect(`/candidates/${id}`);
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
            : "Archiving hides the candidate from lists and interviewers' home pages. Nothing is deleted; you can restore them."}
        </p>
        <button type="submit" name="intent" value={candidate.archived_at ? "restore" : "archive"} className="secondary">
          {candidate.archived_at ? "Restore candidate" : "Archive candidate"}
        </button>
      </Form>
    </main>
  );
}
