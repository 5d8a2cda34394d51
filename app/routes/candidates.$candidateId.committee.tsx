import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { getDb } from "~db/index.server";
import { findCandidate } from "~db/queries/candidates";
import { listCommittee } from "~db/queries/committee";
import { listActiveWithRole } from "~db/queries/people";
import { notFoundUnless, requireRole, requireId } from "~/auth/guard.server";
import { parseWith, readForm } from "~/ui/form.server";
import { Choices } from "~/ui/Choices";
import { committeeSchema } from "~/packets/committee.schema";
import { setCommittee } from "~/packets/committee.server";
import { useSchemaForm } from "~/ui/useSchemaForm";
import { FormError } from "~/ui/form";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `Committee for ${data?.candidate.name ?? "a candidate"} · Panel` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "recruiter", "admin");
  const candidate = notFoundUnless(
    await findCandidate(getDb(), requireId(params.candidateId, "candidate")),
    "candidate",
  );
  const [members, eligible] = await Promise.all([
    listCommittee(getDb(), candidate.id),
    listActiveWithRole(getDb(), "committee"),
  ]);
  return json({ candidate: { id: candidate.id, name: candidate.name }, members: members.map((m) => m.id), eligible });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const candidateId = requireId(params.candidateId, "candidate");
  notFoundUnless(await findCandidate(getDb(), candidateId), "candidate");
  const parsed = parseWith(committeeSchema, await readForm(request));
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
  const result = await setCommittee(user, candidateId, parsed.data.memberIds);
  if (!result.ok) return json({ errors: result.errors }, { status: 400 });
  return redirect(`/candidates/${candidateId}`);
}

export default function Committee() {
  const { candidate, members, eligible } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  const { form, formError, onSubmit, errors } = useSchemaForm(committeeSchema, {
    memberIds: members,
  });
  return (
    <main className="page narrow" id="main">
      <p>
        <Link to={`/candidates/${candidate.id}`}>← {candidate.name}</Link>
      </p>
      <h1>Hiring committee for {candidate.name}</h1>
      <p className="lead">Members, recruiters and admins can open the candidate's packet; nobody else can.</p>
      <Form method="post" noValidate className="card" onSubmit={onSubmit}>
        <FormError message={formError} />
        {eligible.length === 0 ? (
          <p className="empty">Nobody has the committee role yet. An admin can give it on the People page.</p>
        ) : (
          <Choices
            id="memberIds"
            legend="Committee members"
            options={eligible.map((u) => ({ value: u.id, label: u.name, hint: u.email }))}
            error={errors.memberIds}
            register={form.register("memberIds")}
          />
        )}
        <button type="submit" disabled={navigation.state === "submitting"}>
          Save committee
        </button>
      </Form>
    </main>
  );
}
