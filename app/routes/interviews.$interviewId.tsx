import { type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireId, requireRole } from "~/auth/guard.server";
import { atEdge } from "~/errors.server";
import { openScorecard } from "~/scorecards/scorecard.server";
import { pageData, ScorecardPage } from "~/scorecards/ScorecardPage";
import { FormError } from "~/ui/form";
import { isFailure } from "~/ui/form-result";

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const page = pageData(data);
  return [{ title: page ? `${page.interview.candidate_name} · Scorecard · Panel` : "Scorecard · Panel" }];
};

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "interviewer");
  const interviewId = requireId(params.interviewId, "interview");
  return atEdge(async () => json(await openScorecard(user, interviewId)));
}

export default function InterviewScorecard() {
  const data = useLoaderData<typeof loader>();
  const page = pageData(data);
  if (page) return <ScorecardPage data={page} />;
  return (
    <main className="page" id="main">
      <FormError message={isFailure(data) ? data.errors.form : null} />
    </main>
  );
}
