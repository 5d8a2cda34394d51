import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { atEdge, invalid } from "~/errors.server";
import { actOnJob, readJobs } from "~/jobs/admin.server";
import { retrySchema } from "~/jobs/job.schema";
import { parseWith, readForm } from "~/ui/form.server";
import { FormError } from "~/ui/form";
import { formatDateTime } from "~/ui/format";
import { TableHead } from "~/ui/TableHead";

export const meta: MetaFunction = () => [{ title: "Background jobs · Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return json(await readJobs(), { headers: { "Cache-Control": "no-store" } });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "admin");
  const parsed = parseWith(retrySchema, await readForm(request));
  if (!parsed.ok) return invalid(parsed.errors);
  return atEdge(async () => json({ ok: true as const, retried: await actOnJob(user, parsed.data) }));
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
  const result = useActionData<typeof action>();
  return (
    <main className="page" id="main">
      <h1>Background jobs</h1>
      <p className="lead">
        Mail, webhook deliveries and the reminder runs, newest first. A job that failed for good stays here until
        retried.
      </p>
      {result?.ok ? (
        <p className="notice" role="status">
          Queued again.
        </p>
      ) : null}
      <FormError message={result?.ok === false ? Object.values(result.errors)[0] : null} />
      <table>
        <caption className="sr-only">Jobs</caption>
        <TableHead columns={["Job", "State", "Attempts", "Created", "Reason"]} actions />
        <tbody>
          {jobs.map((job) => (
            <tr key={`${job.name}:${job.id}`}>
              <td>{job.name}</td>
              <td>{STATE_LABEL[job.state] ?? job.state}</td>
              <td>
                {job.retry_count + 1} of {job.retry_limit + 1}
              </td>
              <td>{formatDateTime(job.created_on, "UTC")}</td>
              <td>{job.state === "failed" || job.state === "retry" ? job.error : null}</td>
              <td>
                {job.state === "failed" && !job.archived ? (
                  <Form method="post">
                    <input type="hidden" name="intent" value="retry" />
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
