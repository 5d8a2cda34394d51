import { sql } from "kysely";
import type { Conn } from "../schema";

export type JobRow = {
  id: string;
  name: string;
  state: string;
  retry_count: number;
  retry_limit: number;
  created_on: Date;
  completed_on: Date | null;
  start_after: Date;
  error: string | null;
  archived: boolean;
};

// pg-boss's own tables (schema "pgboss", created when the queue first starts): live jobs and
// the archive of finished ones, newest first. Empty until the queue has run once.
export async function listJobs(db: Conn, queues: readonly string[], limit = 100): Promise<JobRow[]> {
  const installed = await sql<{ ok: boolean }>`select to_regclass('pgboss.job') is not null as ok`.execute(db);
  if (!installed.rows[0]?.ok) return [];
  const columns = sql`id::text as id, name, state::text as state, retry_count, retry_limit,
    created_on, completed_on, start_after, output->>'message' as error`;
  const result = await sql<JobRow>`
    select * from (
      select ${columns}, false as archived from pgboss.job where name in (${sql.join(queues)})
      union all
      select ${columns}, true as archived from pgboss.archive where name in (${sql.join(queues)})
    ) jobs order by created_on desc limit ${limit}`.execute(db);
  return result.rows;
}

// Rows a job carries by id: a mail message, a webhook delivery.
export type CarriedTable = "outbox_messages" | "webhook_deliveries";

// Rows no job carries yet: written while the queue was down, or by a request whose enqueue
// failed. The periodic run hands them to the queue.
export async function rowsWithoutJob(db: Conn, table: CarriedTable, limit = 200): Promise<string[]> {
  const rows = await db
    .selectFrom(table as "outbox_messages")
    .select("id")
    .where("status", "=", "queued")
    .where("job_id", "is", null)
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}

export async function setRowJob(db: Conn, table: CarriedTable, id: string, jobId: string): Promise<void> {
  await db
    .updateTable(table as "outbox_messages")
    .set({ job_id: jobId })
    .where("id", "=", id)
    .execute();
}
