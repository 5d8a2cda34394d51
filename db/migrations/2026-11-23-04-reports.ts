import { sql, type Kysely } from "kysely";

// Frozen once landed: never import app code here.
// For the recruiter reports (issue 8). The report reads five small parts of each scorecard's
// content; content is large (answers, notes) and stored out of line, and every `->` on it
// fetches and decompresses the whole value again. Stored generated columns keep those parts
// small and inline, computed by PostgreSQL on every write, so no code path can forget them.
// The indexes: the report and its exports walk interviews in date order (keyset pages on
// (scheduled_at, id)) and never read cancelled ones; sorted by candidate or interviewer, a page
// walks those names in order and stops after it instead of sorting every row; the export rate
// limit counts one person's recent export rows in the audit log.
export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table scorecards
    add column report_ratings jsonb generated always as (content->'ratings') stored,
    add column report_recommendation text generated always as (content->>'recommendation') stored,
    add column report_level text generated always as (content->>'level') stored,
    add column report_flag_categories jsonb generated always as (jsonb_path_query_array(content, '$.redFlags[*].category')) stored,
    add column report_flag_severities jsonb generated always as (jsonb_path_query_array(content, '$.redFlags[*].severity')) stored`.execute(
    db,
  );
  await db.schema
    .createIndex("interviews_report_idx")
    .on("interviews")
    .columns(["scheduled_at", "id"])
    .where(sql.ref("cancelled_at"), "is", null)
    .execute();
  await db.schema.createIndex("candidates_name_idx").on("candidates").columns(["name", "id"]).execute();
  await db.schema.createIndex("users_name_idx").on("users").columns(["name", "id"]).execute();
  await db.schema
    .createIndex("audit_log_actor_action_idx")
    .on("audit_log")
    .columns(["actor_id", "action", "at"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("audit_log_actor_action_idx").execute();
  await db.schema.dropIndex("users_name_idx").execute();
  await db.schema.dropIndex("candidates_name_idx").execute();
  await db.schema.dropIndex("interviews_report_idx").execute();
  await sql`alter table scorecards drop column report_ratings, drop column report_recommendation, drop column report_level,
    drop column report_flag_categories, drop column report_flag_severities`.execute(db);
}
