import type { Kysely } from "kysely";

// Frozen once landed: never import app code here.
// A scorecard remembers the kit version it was written against, so editing a kit later never
// changes what a submitted scorecard showed its author.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("scorecards").addColumn("kit_id", "text").execute();
  await db.schema.alterTable("scorecards").addColumn("kit_version", "integer").execute();
  await db.schema.createIndex("scorecards_author_idx").on("scorecards").column("author_id").execute();
  await db.schema.createIndex("scorecards_status_idx").on("scorecards").columns(["status", "submitted_at"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("scorecards_status_idx").execute();
  await db.schema.dropIndex("scorecards_author_idx").execute();
  await db.schema.alterTable("scorecards").dropColumn("kit_version").execute();
  await db.schema.alterTable("scorecards").dropColumn("kit_id").execute();
}
