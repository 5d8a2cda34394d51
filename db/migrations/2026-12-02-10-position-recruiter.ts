import type { Kysely } from "kysely";

// Issue 17: the recruiter who owns a position hears its escalations and digest lines; null means
// every recruiter does. Frozen once landed: never import app code here.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("positions")
    .addColumn("recruiter_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable("positions").dropColumn("recruiter_id").execute();
}
