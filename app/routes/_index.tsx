import { type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { hasRole } from "~/auth/roles";
import { listMyInterviews } from "~/scorecards/my-interviews.server";
import { candidatesFor } from "~/candidates/candidates.server";
import { InterviewGroups } from "~/scorecards/InterviewGroups";
import { CandidateTable } from "~/candidates/CandidateTable";

export const meta: MetaFunction = () => [{ title: "Home · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [interviews, candidates] = await Promise.all([
    hasRole(user, "interviewer") ? listMyInterviews(user.id) : null,
    hasRole(user, "recruiter", "committee", "admin") ? candidatesFor(user) : null,
  ]);
  return json({ user, interviews, candidates });
}

export default function Home() {
  const { user, interviews, candidates } = useLoaderData<typeof loader>();
  return (
    <main className="page" id="main">
      <h1>Hello, {user.name.split(" ")[0]}</h1>
      {interviews ? <InterviewGroups groups={interviews} /> : null}
      {candidates ? (
        <section aria-labelledby="candidates-heading">
          <h2 id="candidates-heading">
            {hasRole(user, "recruiter", "admin") ? "Candidates" : "Candidates on your committees"}
          </h2>
          <CandidateTable candidates={candidates} />
        </section>
      ) : null}
    </main>
  );
}
