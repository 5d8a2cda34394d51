import { sql, type Kysely } from "kysely";

// Frozen once landed: never import app code here.
// The rubric and the red-flag taxonomy edited in the browser (issue 18, item 13), kept like
// kit_versions: every save is a new row, the file in templates/ stays version 1.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("template_versions")
    .addColumn("template", "text", (c) => c.notNull().check(sql`template in ('rubric', 'red-flags')`))
    .addColumn("version", "integer", (c) => c.notNull().check(sql`version > 1`))
    .addColumn("content", "jsonb", (c) => c.notNull())
    .addColumn("created_by", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("template_versions_pkey", ["template", "version"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("template_versions").execute();
}
