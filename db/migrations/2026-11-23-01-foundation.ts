import { sql, type Kysely } from "kysely";

// Frozen once landed: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;
  const uuid = sql`gen_random_uuid()`;

  await db.schema
    .createTable("users")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(uuid))
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text")
    .addColumn("active", "boolean", (c) => c.notNull().defaultTo(true))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex("users_email_key")
    .on("users")
    .expression(sql`lower(email)`)
    .unique()
    .execute();

  await db.schema
    .createTable("user_roles")
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('interviewer','recruiter','committee','admin')`))
    .addPrimaryKeyConstraint("user_roles_pkey", ["user_id", "role"])
    .execute();

  await db.schema
    .createTable("sessions")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("sessions_user_idx").on("sessions").column("user_id").execute();

  await db.schema
    .createTable("sign_in_failures")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("failed_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex("sign_in_failures_email_idx")
    .on("sign_in_failures")
    .columns(["email", "failed_at"])
    .execute();

  await db.schema
    .createTable("positions")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(uuid))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("team", "text", (c) => c.notNull())
    .addColumn("level_min", "text", (c) => c.notNull())
    .addColumn("level_max", "text", (c) => c.notNull())
    .addColumn("kit_id", "text", (c) => c.notNull())
    .addColumn("competencies", "jsonb", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("open")
        .check(sql`status in ('open','closed')`),
    )
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("candidates")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(uuid))
    .addColumn("position_id", "uuid", (c) => c.notNull().references("positions.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("email", "text", (c) => c.notNull())
    .addColumn("level_applied", "text")
    .addColumn("source", "text")
    .addColumn("cv_url", "text")
    .addColumn("archived_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex("candidates_position_email_key")
    .on("candidates")
    .columns(["position_id"])
    .expression(sql`lower(email)`)
    .unique()
    .execute();

  await db.schema
    .createTable("interviews")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(uuid))
    .addColumn("candidate_id", "uuid", (c) => c.notNull().references("candidates.id"))
    .addColumn("interviewer_id", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("scheduled_at", "timestamptz", (c) => c.notNull())
    .addColumn("time_zone", "text", (c) => c.notNull())
    .addColumn("duration_minutes", "integer", (c) => c.notNull())
    .addColumn("stage", "text", (c) => c.notNull().check(sql`stage in ('phone-screen','onsite','final')`))
    .addColumn("focus_competencies", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("focus_questions", "jsonb", (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn("kit_id", "text", (c) => c.notNull())
    .addColumn("cancelled_at", "timestamptz")
    .addColumn("cancel_reason", "text")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex("interviews_interviewer_idx")
    .on("interviews")
    .columns(["interviewer_id", "scheduled_at"])
    .execute();
  await db.schema.createIndex("interviews_candidate_idx").on("interviews").column("candidate_id").execute();
  await db.schema.createIndex("interviews_scheduled_idx").on("interviews").column("scheduled_at").execute();

  await db.schema
    .createTable("scorecards")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(uuid))
    .addColumn("interview_id", "uuid", (c) => c.notNull().unique().references("interviews.id"))
    .addColumn("author_id", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("draft")
        .check(sql`status in ('draft','submitted')`),
    )
    .addColumn("content", "jsonb", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("revision", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("submitted_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable("scorecard_revisions")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(uuid))
    .addColumn("scorecard_id", "uuid", (c) => c.notNull().references("scorecards.id"))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("content", "jsonb", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("submitted_by", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("submitted_at", "timestamptz", (c) => c.notNull())
    .addUniqueConstraint("scorecard_revisions_key", ["scorecard_id", "revision"])
    .execute();

  await db.schema
    .createTable("committee_members")
    .addColumn("candidate_id", "uuid", (c) => c.notNull().references("candidates.id"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id"))
    .addPrimaryKeyConstraint("committee_members_pkey", ["candidate_id", "user_id"])
    .execute();

  await db.schema
    .createTable("decisions")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(uuid))
    .addColumn("candidate_id", "uuid", (c) => c.notNull().references("candidates.id"))
    .addColumn("outcome", "text", (c) => c.notNull().check(sql`outcome in ('hire','no-hire','more-interviews')`))
    .addColumn("level", "text")
    .addColumn("rationale", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .addColumn("recorded_by", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("recorded_at", "timestamptz", (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .execute();
  await db.schema
    .createIndex("decisions_candidate_idx")
    .on("decisions")
    .columns(["candidate_id", "recorded_at"])
    .execute();

  await db.schema
    .createTable("audit_log")
    .addColumn("id", "bigserial", (c) => c.primaryKey())
    .addColumn("at", "timestamptz", (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn("actor_id", "uuid", (c) => c.references("users.id"))
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("subject_type", "text")
    .addColumn("subject_id", "text")
    .addColumn("details", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .execute();
  await db.schema.createIndex("audit_log_at_idx").on("audit_log").column("at").execute();
  // Append-only at the database too, so no code path can rewrite history.
  await sql`create function audit_log_append_only() returns trigger language plpgsql as $$
    begin raise exception 'audit_log is append-only'; end $$`.execute(db);
  await sql`create trigger audit_log_no_change before update or delete on audit_log
    for each row execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger audit_log_no_change on audit_log`.execute(db);
  await sql`drop function audit_log_append_only()`.execute(db);
  for (const table of [
    "audit_log",
    "decisions",
    "committee_members",
    "scorecard_revisions",
    "scorecards",
    "interviews",
    "candidates",
    "positions",
    "sign_in_failures",
    "sessions",
    "user_roles",
    "users",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
