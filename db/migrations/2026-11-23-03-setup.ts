import { sql, type Kysely } from "kysely";

// Frozen once landed: never import app code here.
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;

  // One-time links: an admin's invitation, or the setup link of an empty install. Only the
  // sha256 of the token is stored, so a leaked table cannot be used to sign up.
  await db.schema
    .createTable("invitations")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("email", "text")
    .addColumn("roles", "jsonb", (c) => c.notNull())
    .addColumn("invited_by", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("accepted_at", "timestamptz")
    .addColumn("accepted_by", "uuid", (c) => c.references("users.id"))
    .execute();

  // A kit edited in the browser is a new row; the file in templates/ stays the base version.
  await db.schema
    .createTable("kit_versions")
    .addColumn("kit_id", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("content", "jsonb", (c) => c.notNull())
    .addColumn("created_by", "uuid", (c) => c.notNull().references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("kit_versions_pkey", ["kit_id", "version"])
    .execute();

  // A form's one-time key: a double-clicked submit finds the record the first click made.
  await db.schema
    .createTable("form_submissions")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("subject_id", "text", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("form_submissions").execute();
  await db.schema.dropTable("kit_versions").execute();
  await db.schema.dropTable("invitations").execute();
}
