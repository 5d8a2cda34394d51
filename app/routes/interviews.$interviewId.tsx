import { type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireId, requireRole } from "~/auth/guard.server";
import { notFoundOnDomainError } from "~/errors.server";
import { openScorecard } from "~/scorecards/scorecard.server";
import { ScorecardPage } from "~/scorecards/ScorecardPage";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.interview.candidate_name} · Scorecard · Panel` : "Scorecard · Panel" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "interviewer");
  const interviewId = requireId(params.interviewId, "interview");
  return json(await notFoundOnDomainError(() => openScorecard(user, interviewId)));
}

export default function InterviewScorecard() {
  const data = useLoaderData<typeof loader>();
  return <ScorecardPage data={data} />;
}
