import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { listJobs } from "~db/queries/jobs";
import type { SessionUser } from "~/auth/guard.server";
import type { JobAction } from "./job.schema";
import { retryJob } from "./queue.server";
import { QUEUE_NAMES } from "./queues";

export async function readJobs() {
  return { jobs: await listJobs(getDb(), QUEUE_NAMES) };
}

// "Retry now" on a job that failed for good; audited.
export async function actOnJob(actor: SessionUser, input: JobAction): Promise<string> {
  await retryJob(input.queue, input.id);
  await appendAudit(getDb(), {
    actorId: actor.id,
    action: "job.retry",
    subjectType: "job",
    subjectId: input.id,
    details: { queue: input.queue },
  });
  return input.id;
}
