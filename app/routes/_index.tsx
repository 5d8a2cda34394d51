import { type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guard.server";
import { hasRole } from "~/auth/roles";
import { listMyInterviews } from "~/scorecards/my-interviews.server";
import { candidatesFor } from "~/candidates/candidates.server";
import { InterviewGroups } from "~/scorecards/InterviewGroups";
import { CandidateTable } from "~/candidates/CandidateTable";
import { firstRunChecklist } from "~/first-run/checklist.server";
import { FirstRunChecklist } from "~/first-run/FirstRunChecklist";

export const meta: MetaFunction = () => [{ title: "Home · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const [interviews, candidates, checklist] = await Promise.all([
    hasRole(user, "interviewer") ? listMyInterviews(user.id) : null,
    hasRole(user, "recruiter", "committee", "admin") ? candidatesFor(user) : null,
    hasRole(user, "admin") ? firstRunChecklist() : null,
  ]);
  return json({ user, interviews, candidates, checklist });
}

export default function Home() {
  const { user, interviews, candidates, checklist } = useLoaderData<typeof loader>();
  return (
    <main className="page" id="main">
      <h1>Hello, {user.name.split(" ")[0]}</h1>
      {checklist ? <FirstRunChecklist steps={checklist} /> : null}
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
