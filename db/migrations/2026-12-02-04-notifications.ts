import { sql, type Kysely } from "kysely";

// Issue 17: mail outbox, reminder mutes and cadence, outgoing webhooks. The job queue (pg-boss)
// keeps its own tables in the "pgboss" schema and creates them itself (docs/decisions/009).
// Frozen once landed: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;

  // null: the interview's own time zone is used for this person's 09:00.
  await db.schema.alterTable("users").addColumn("time_zone", "text").execute();

  // Every message the app writes, sent or not: with no SMTP_URL this is the only place it lands.
  // dedupe_key makes a reminder slot, digest day or packet-ready once-only across instances.
  await db.schema
    .createTable("outbox_messages")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .addColumn("recipient_id", "uuid", (c) => c.references("users.id"))
    .addColumn("recipient_email", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("html", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("ics", "text")
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("queued")
        .check(sql`status in ('queued','sent','kept','failed')`),
    )
    .addColumn("error", "text")
    .addColumn("job_id", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("sent_at", "timestamptz")
    .execute();
  await db.schema.createIndex("outbox_messages_created_at").on("outbox_messages").column("created_at").execute();

  await db.schema
    .createTable("reminder_mutes")
    .addColumn("interview_id", "uuid", (c) => c.primaryKey().references("interviews.id"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("muted_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();

  // One row at most; a null column falls back to the REMINDER_* setting.
  await db.schema
    .createTable("notification_settings")
    .addColumn("id", "integer", (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn("first_after_minutes", "integer")
    .addColumn("daily_hour", "integer")
    .addColumn("working_days", "jsonb")
    .addColumn("escalate_after_days", "integer")
    .addColumn("updated_by", "uuid", (c) => c.references("users.id"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("webhook_endpoints")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("url", "text", (c) => c.notNull())
    .addColumn("format", "text", (c) =>
      c
        .notNull()
        .defaultTo("panel")
        .check(sql`format in ('panel','slack')`),
    )
    .addColumn("events", "jsonb", (c) => c.notNull())
    .addColumn("secret", "text", (c) => c.notNull())
    .addColumn("include_feedback", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("created_by", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("webhook_deliveries")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("endpoint_id", "uuid", (c) => c.notNull().references("webhook_endpoints.id").onDelete("cascade"))
    .addColumn("event", "text", (c) => c.notNull())
    // Once per endpoint for events a periodic run finds (feedback.overdue), across instances.
    .addColumn("dedupe_key", "text", (c) => c.unique())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("queued")
        .check(sql`status in ('queued','delivered','failed')`),
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("response_status", "integer")
    .addColumn("error", "text")
    .addColumn("job_id", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("delivered_at", "timestamptz")
    .execute();
  await db.schema
    .createIndex("webhook_deliveries_endpoint")
    .on("webhook_deliveries")
    .columns(["endpoint_id", "created_at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("webhook_deliveries").execute();
  await db.schema.dropTable("webhook_endpoints").execute();
  await db.schema.dropTable("notification_settings").execute();
  await db.schema.dropTable("reminder_mutes").execute();
  await db.schema.dropTable("outbox_messages").execute();
  await db.schema.alterTable("users").dropColumn("time_zone").execute();
}
