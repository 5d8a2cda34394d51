import type { Conn, WebhookFormat } from "../schema";

export async function listEndpoints(db: Conn) {
  return db
    .selectFrom("webhook_endpoints")
    .select(["id", "url", "format", "events", "secret", "include_feedback", "active", "created_at"])
    .orderBy("created_at")
    .execute();
}

export async function listEndpointsFor(db: Conn, event: string) {
  const rows = await db
    .selectFrom("webhook_endpoints")
    .select(["id", "format", "events", "include_feedback"])
    .where("active", "=", true)
    .execute();
  return rows.filter((r) => r.events.includes(event));
}

export async function insertEndpoint(
  db: Conn,
  e: {
    url: string;
    format: WebhookFormat;
    events: string[];
    secret: string;
    includeFeedback: boolean;
    createdBy: string;
  },
): Promise<string> {
  const row = await db
    .insertInto("webhook_endpoints")
    .values({
      url: e.url,
      format: e.format,
      events: JSON.stringify(e.events),
      secret: e.secret,
      include_feedback: e.includeFeedback,
      created_by: e.createdBy,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function setEndpointSecret(db: Conn, id: string, secret: string): Promise<boolean> {
  const result = await db.updateTable("webhook_endpoints").set({ secret }).where("id", "=", id).executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function deleteEndpoint(db: Conn, id: string): Promise<boolean> {
  const result = await db.deleteFrom("webhook_endpoints").where("id", "=", id).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

// null when the dedupe key was used before: this event already went to that endpoint.
export async function insertDelivery(
  db: Conn,
  d: { endpointId: string; event: string; body: string; dedupeKey: string | null },
): Promise<string | null> {
  const row = await db
    .insertInto("webhook_deliveries")
    .values({ endpoint_id: d.endpointId, event: d.event, body: d.body, dedupe_key: d.dedupeKey })
    .onConflict((oc) => oc.column("dedupe_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}

// A delivery with the address it goes to: what the job posts and what the log shows.
function deliveriesWithEndpoint(db: Conn) {
  return db
    .selectFrom("webhook_deliveries")
    .innerJoin("webhook_endpoints", "webhook_endpoints.id", "webhook_deliveries.endpoint_id")
    .select([
      "webhook_deliveries.id",
      "webhook_deliveries.event",
      "webhook_deliveries.status",
      "webhook_endpoints.url",
    ]);
}

export async function findDelivery(db: Conn, id: string) {
  return deliveriesWithEndpoint(db)
    .select(["webhook_deliveries.body", "webhook_endpoints.secret"])
    .where("webhook_deliveries.id", "=", id)
    .executeTakeFirst();
}

export async function recordAttempt(
  db: Conn,
  id: string,
  outcome: { delivered: boolean; responseStatus: number | null; error: string | null; at: Date },
): Promise<void> {
  await db
    .updateTable("webhook_deliveries")
    .set((eb) => ({
      attempts: eb("attempts", "+", 1),
      status: outcome.delivered ? "delivered" : "failed",
      response_status: outcome.responseStatus,
      error: outcome.error,
      delivered_at: outcome.delivered ? outcome.at : null,
    }))
    .where("id", "=", id)
    .execute();
}

export async function listDeliveries(db: Conn, limit = 100) {
  return deliveriesWithEndpoint(db)
    .select([
      "webhook_deliveries.attempts",
      "webhook_deliveries.response_status",
      "webhook_deliveries.error",
      "webhook_deliveries.created_at",
      "webhook_deliveries.delivered_at",
    ])
    .orderBy("webhook_deliveries.created_at", "desc")
    .limit(limit)
    .execute();
}
