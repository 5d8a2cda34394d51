import { sql } from "kysely";
import type { Conn } from "../schema";

// What a new team has set up so far, in one round trip: each a yes or no read from the rows themselves.
export async function setupProgress(db: Conn) {
  const exists = (query: ReturnType<typeof sql>) => sql<boolean>`exists (${query})`;
  return db
    .selectNoFrom([
      exists(sql`select 1 from users offset 1`).as("invited"),
      exists(sql`select 1 from invitations where email is not null`).as("invitation_sent"),
      exists(sql`select 1 from template_versions`).as("template_saved"),
      exists(sql`select 1 from kit_versions`).as("kit_saved"),
      exists(sql`select 1 from positions`).as("position"),
      exists(sql`select 1 from candidates`).as("candidate"),
      exists(sql`select 1 from interviews where cancelled_at is null`).as("scheduled"),
      sql<string | null>`(select id from candidates where archived_at is null order by created_at limit 1)`.as(
        "first_candidate_id",
      ),
    ])
    .executeTakeFirstOrThrow();
}
