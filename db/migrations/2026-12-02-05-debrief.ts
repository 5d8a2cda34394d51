import { sql, type Kysely } from "kysely";

// Frozen once landed: never import app code here.
// Debrief votes (issue 18): each committee member's own vote and one-line reason, one row per
// member and candidate (re-voting replaces it). A decision keeps what it was based on: the votes
// at that moment, the scorecards still missing and, when any were, why it was taken anyway.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("debrief_votes")
    .addColumn("candidate_id", "uuid", (c) => c.notNull().references("candidates.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("outcome", "text", (c) => c.notNull().check(sql`outcome in ('hire', 'no-hire', 'more-interviews')`))
    .addColumn("reason", "text", (c) => c.notNull())
    .addColumn("voted_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("debrief_votes_pkey", ["candidate_id", "user_id"])
    .execute();
  await sql`alter table decisions
    add column votes jsonb not null default '[]'::jsonb,
    add column missing_scorecards jsonb not null default '[]'::jsonb,
    add column early_reason text`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table decisions drop column votes, drop column missing_scorecards, drop column early_reason`.execute(
    db,
  );
  await db.schema.dropTable("debrief_votes").execute();
}
