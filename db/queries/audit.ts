import type { Kysely, Transaction } from "kysely";
import type { DB } from "../schema";
import { currentClient, type Client } from "../../app/request-client.server";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  details?: Record<string, unknown>;
  // Defaults to the client of the request being served (none for the command-line tools).
  client?: Client;
};

export async function appendAudit(db: Kysely<DB> | Transaction<DB>, entry: AuditEntry): Promise<void> {
  const client = entry.client ?? currentClient();
  await db
    .insertInto("audit_log")
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId ?? null,
      details: JSON.stringify(entry.details ?? {}),
      client_address: client.address,
      user_agent: client.userAgent?.slice(0, 512) ?? null,
    })
    .execute();
}

export type AuditFilter = { actorId?: string; action?: string; from?: Date; to?: Date; before?: number };

// Newest first, `limit` rows older than `before` (an id): keyset paging stays fast on a log that only grows.
export async function listAudit(db: Kysely<DB> | Transaction<DB>, filter: AuditFilter, limit: number) {
  let query = db
    .selectFrom("audit_log")
    .leftJoin("users", "users.id", "audit_log.actor_id")
    .select([
      "audit_log.id",
      "audit_log.at",
      "audit_log.action",
      "audit_log.subject_type",
      "audit_log.subject_id",
      "audit_log.details",
      "audit_log.client_address",
      "audit_log.user_agent",
      "users.name as actor_name",
      "users.email as actor_email",
    ])
    .orderBy("audit_log.id", "desc")
    .limit(limit);
  if (filter.actorId) query = query.where("audit_log.actor_id", "=", filter.actorId);
  if (filter.action) query = query.where("audit_log.action", "=", filter.action);
  if (filter.from) query = query.where("audit_log.at", ">=", filter.from);
  if (filter.to) query = query.where("audit_log.at", "<", filter.to);
  if (filter.before) query = query.where("audit_log.id", "<", filter.before);
  return query.execute();
}

// The choices for the filter: every action and every person that appears in the log.
export async function auditFacets(db: Kysely<DB> | Transaction<DB>) {
  const [actions, actors] = await Promise.all([
    db.selectFrom("audit_log").select("action").distinct().orderBy("action").execute(),
    db
      .selectFrom("users")
      .select(["users.id", "users.name", "users.email"])
      .where((eb) =>
        eb.exists(eb.selectFrom("audit_log").select("audit_log.id").whereRef("audit_log.actor_id", "=", "users.id")),
      )
      .orderBy("users.name")
      .execute(),
  ]);
  return { actions: actions.map((a) => a.action), actors };
}
