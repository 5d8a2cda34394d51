import PgBoss from "pg-boss";
import type { Database } from "~db/index.server";
import { pgliteBossDb } from "./pglite-boss.server";

// The queues Panel runs, with their retry policy. Backoff doubles the delay on each retry.
export const QUEUES = {
  "mail.send": { retryLimit: 5, retryDelay: 30, retryBackoff: true },
  "webhook.deliver": { retryLimit: 6, retryDelay: 10, retryBackoff: true },
  "notifications.tick": { retryLimit: 0, retryDelay: 0, retryBackoff: false },
} as const;
export type QueueName = keyof typeof QUEUES;
export const QUEUE_NAMES = Object.keys(QUEUES) as QueueName[];

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

export async function retryJob(name: QueueName, id: string): Promise<void> {
  const boss = runningQueue();
  if (!boss) throw new Error("The job queue is not running in this process");
  await boss.retry(name, id);
}
