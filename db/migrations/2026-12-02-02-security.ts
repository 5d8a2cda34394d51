import { sql, type Kysely } from "kysely";

// Frozen once landed: never import app code here.
// Issue 13, round 2 of security:
// - sign_in_throttle: consecutive failed sign-ins per key (an account, a client address, or the
//   pair), counted by one atomic upsert; replaces the row-per-failure table whose
//   read-then-write check could be raced.
// - sessions.last_seen_at: sessions end after an idle period, not only at their fixed end.
// - audit_log: who (address, browser) did it, on every row; TRUNCATE refused like UPDATE/DELETE.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("sign_in_throttle")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull())
    .addColumn("last_failed_at", "timestamptz", (c) => c.notNull())
    .addColumn("blocked_until", "timestamptz", (c) => c.notNull())
    .addColumn("allowed", "boolean", (c) => c.notNull())
    .execute();
  await db.schema.dropTable("sign_in_failures").execute();

  await db.schema
    .alterTable("sessions")
    .addColumn("last_seen_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();

  await db.schema.alterTable("audit_log").addColumn("client_address", "text").addColumn("user_agent", "text").execute();
  await sql`create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger audit_log_no_truncate on audit_log`.execute(db);
  await db.schema.alterTable("audit_log").dropColumn("client_address").dropColumn("user_agent").execute();
  await db.schema.alterTable("sessions").dropColumn("last_seen_at").execute();
  await db.schema
    .createTable("sign_in_failures")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("failed_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("sign_in_failures_email_idx")
    .on("sign_in_failures")
    .columns(["email", "failed_at"])
    .execute();
  await db.schema.dropTable("sign_in_throttle").execute();
}
