import type { Kysely } from "kysely";

// Frozen once landed: never import app code here.
// An invitation can now be closed before it is used: revoked by an admin, superseded by a resent
// link, voided when its admin is deactivated, or (setup links) voided once Panel has an admin.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("invitations")
    .addColumn("revoked_at", "timestamptz")
    .addColumn("revoked_reason", "text")
    .addColumn("replaced_by", "uuid", (c) => c.references("invitations.id"))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("invitations")
    .dropColumn("replaced_by")
    .dropColumn("revoked_reason")
    .dropColumn("revoked_at")
    .execute();
}
