import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { requireRole, requireId } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { parseWith, readForm } from "~/ui/form.server";
import { Choices } from "~/ui/Choices";
import { committeeSchema } from "~/packets/committee.schema";
import { committeeForm, setCommittee, type CommitteeForm } from "~/packets/committee.server";
import { useSchemaForm } from "~/ui/useSchemaForm";
import { FormError } from "~/ui/form";

export const meta: MetaFunction = ({ data }) => [
  { title: `Committee for ${(data as CommitteeForm | undefined)?.candidate.name ?? "a candidate"} · Panel` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "recruiter", "admin");
  const candidateId = requireId(params.candidateId, "candidate");
  return atEdge(async () => json(await committeeForm(candidateId)));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const candidateId = requireId(params.candidateId, "candidate");
  const parsed = parseWith(committeeSchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  return atEdge(async () => {
    await setCommittee(user, candidateId, parsed.data.memberIds);
    return redirect(`/candidates/${candidateId}`);
  });
}

export default function Committee() {
  const { candidate, members, eligible } = useLoaderData<CommitteeForm>();
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
