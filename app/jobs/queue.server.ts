import PgBoss from "pg-boss";
import type { Database } from "~db/index.server";
import { rowsWithoutJob, setRowJob, type CarriedTable } from "~db/queries/jobs";
import type { Conn } from "~db/schema";
import { DomainError } from "~/errors.server";
import { pgliteBossDb } from "./pglite-boss.server";
import { QUEUE_NAMES, QUEUES, type QueueName } from "./queues";

export type JobHandlers = Record<QueueName, (data: { id?: string }) => Promise<void>>;

export type JobOptions = {
  // PostgreSQL: pg-boss opens its own small pool on this URL. PGlite: it shares our connection.
  url: string | null;
  pollingSeconds?: number;
  poolSize?: number;
  // Tests shorten the backoff; production keeps QUEUES' delays.
  retryDelaySeconds?: number;
};

const holder = globalThis as unknown as { __panelBoss?: PgBoss };

export function runningQueue(): PgBoss | undefined {
  return holder.__panelBoss;
}

// Creates the queue's schema (in "pgboss") on first start, then works every queue by polling
// with short queries: no LISTEN, nothing holds PGlite's one connection (docs/decisions/009).
export async function startJobs(database: Database, handlers: JobHandlers, options: JobOptions): Promise<PgBoss> {
  const common = { schema: "pgboss", archiveFailedAfterSeconds: 30 * 24 * 3600, deleteAfterDays: 30 };
  const boss =
    database.dialect === "pglite"
      ? new PgBoss({ ...common, db: pgliteBossDb(database.db, database.pglite!) })
      : new PgBoss({
          ...common,
          connectionString: options.url!,
          max: options.poolSize ?? 2,
          application_name: "panel-jobs",
        });
  boss.on("error", (error) => console.warn(`panel: job queue: ${error.message}`));
  await boss.start();
  for (const name of QUEUE_NAMES) {
    const policy = QUEUES[name];
    await boss.createQueue(name, {
      name,
      retryLimit: policy.retryLimit,
      retryDelay: options.retryDelaySeconds ?? policy.retryDelay,
      retryBackoff: policy.retryBackoff,
    });
    await boss.work<{ id?: string }>(name, { pollingIntervalSeconds: options.pollingSeconds ?? 2 }, async ([job]) =>
      handlers[name](job.data),
    );
  }
  holder.__panelBoss = boss;
  return boss;
}

export async function stopJobs(boss: PgBoss): Promise<void> {
  if (holder.__panelBoss === boss) holder.__panelBoss = undefined;
  await boss.stop({ graceful: true, wait: true, timeout: 10_000 });
}

// The job's id is the row's id, so two instances enqueueing the same message make one job.
export async function enqueue(name: QueueName, id: string): Promise<string | null> {
  const boss = runningQueue();
  if (!boss) return null;
  await boss.send(name, { id }, { id });
  return id;
}

// The table whose rows each delivering queue carries, one job per row.
const CARRIES = { "mail.send": "outbox_messages", "webhook.deliver": "webhook_deliveries" } as const satisfies Partial<
  Record<QueueName, CarriedTable>
>;
export type DeliveryQueue = keyof typeof CARRIES;

// Gives the row a job and notes the job on the row; without a running queue the row waits for
// the next run to hand it over (handUncarried).
export async function handToQueue(db: Conn, queue: DeliveryQueue, id: string): Promise<void> {
  const jobId = await enqueue(queue, id);
  if (jobId) await setRowJob(db, CARRIES[queue], id, jobId);
}

export async function handUncarried(db: Conn, queue: DeliveryQueue): Promise<void> {
  for (const id of await rowsWithoutJob(db, CARRIES[queue])) await handToQueue(db, queue, id);
}

export async function retryJob(name: QueueName, id: string): Promise<void> {
  const boss = runningQueue();
  if (!boss) throw new DomainError("conflict", "The job queue is not running in this process.");
  await boss.retry(name, id);
}
