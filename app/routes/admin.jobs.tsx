import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { retrySchema } from "~/notifications/admin.schema";
import { readJobs, retryNow } from "~/notifications/admin.server";
import { parseWith, readForm } from "~/ui/form.server";

export const meta: MetaFunction = () => [{ title: "Background jobs · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return json(await readJobs(), { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const parsed = parseWith(retrySchema, await readForm(request));
  if (!parsed.ok) return json({ errors: parsed.errors }, { status: 400 });
  await retryNow(user, parsed.data.queue, parsed.data.id);
  return json({ retried: parsed.data.id });
}

const STATE_LABEL: Record<string, string> = {
  created: "Queued",
  retry: "Waiting to retry",
  active: "Running",
  completed: "Done",
  cancelled: "Cancelled",
  failed: "Failed",
};

export default function Jobs() {
  const { jobs } = useLoaderData<typeof loader>();
  const result = useActionData<{ retried?: string; errors?: Record<string, string> }>();
  return (
    <main className="page" id="main">
      <h1>Background jobs</h1>
      <p className="lead">
        Mail, webhook deliveries and the reminder runs, newest first. A job that failed for good stays here until
        retried.
      </p>
      {result?.retried ? (
        <p className="notice" role="status">
          Queued again.
        </p>
      ) : null}
      {result?.errors ? (
        <p className="field-error" role="alert">
          {Object.values(result.errors)[0]}
        </p>
      ) : null}
      <table>
        <caption className="sr-only">Jobs</caption>
        <thead>
          <tr>
            <th scope="col">Job</th>
            <th scope="col">State</th>
            <th scope="col">Attempts</th>
            <th scope="col">Created (UTC)</th>
            <th scope="col">Reason</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {jobs.map((job) => (
            <tr key={`${job.name}:${job.id}`}>
              <td>{job.name}</td>
              <td>{STATE_LABEL[job.state] ?? job.state}</td>
              <td>
                {job.retry_count + 1} of {job.retry_limit + 1}
              </td>
              <td>{new Date(job.created_on).toISOString().slice(0, 19).replace("T", " ")}</td>
              <td>{job.state === "failed" || job.state === "retry" ? job.error : null}</td>
              <td>
                {job.state === "failed" && !job.archived ? (
                  <Form method="post">
                    <input type="hidden" name="queue" value={job.name} />
                    <input type="hidden" name="id" value={job.id} />
                    <button type="submit">Retry now</button>
                  </Form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {jobs.length === 0 ? <p>No jobs yet.</p> : null}
    </main>
  );
}
