import type { Kysely, Transaction } from "kysely";
import type { Conn, DB } from "../schema";
import { currentClient, type Client } from "../../app/request-client.server";
import { interviewsWithCandidate } from "./interviews";

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
      "audit_log.actor_id",
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidsIn(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === "string" && UUID.test(value)) into.add(value);
  else if (value && typeof value === "object") for (const v of Object.values(value)) uuidsIn(v, into);
  return into;
}

type NamedRow = { actor_id: string | null; subject_type: string | null; subject_id: string | null; details: unknown };

const byId = <T extends { id: string }>(rows: T[]) => Object.fromEntries(rows.map(({ id, ...rest }) => [id, rest]));

// The names an audit page mentions, in one query per kind: the subjects, and any person or candidate
// whose id the details hold (committee members, a reassigned interviewer). Gone rows are simply absent.
export async function auditNames(db: Conn, rows: NamedRow[]) {
  const subjects = (type: string) =>
    rows.filter((r) => r.subject_type === type && r.subject_id && UUID.test(r.subject_id)).map((r) => r.subject_id!);
  const mentioned = uuidsIn(
    rows.map((r) => r.details),
    new Set(rows.flatMap((r) => (r.subject_id && UUID.test(r.subject_id) ? [r.subject_id] : []))),
  );
  const people = [...new Set([...mentioned, ...rows.flatMap((r) => (r.actor_id ? [r.actor_id] : []))])];
  const scorecards = subjects("scorecard").length
    ? await db
        .selectFrom("scorecards")
        .select(["id", "interview_id as interviewId"])
        .where("id", "in", subjects("scorecard"))
        .execute()
    : [];
  const interviewIds = [...new Set([...mentioned, ...scorecards.map((s) => s.interviewId)])];
  const [users, candidates, interviews, positions, invitations] = await Promise.all([
    people.length ? db.selectFrom("users").select(["id", "name"]).where("id", "in", people).execute() : [],
    mentioned.size
      ? db
          .selectFrom("candidates")
          .innerJoin("positions", "positions.id", "candidates.position_id")
          .select(["candidates.id", "candidates.name", "positions.title as position"])
          .where("candidates.id", "in", [...mentioned])
          .execute()
      : [],
    interviewIds.length
      ? interviewsWithCandidate(db)
          .select("candidates.id as candidate_id")
          .where("interviews.id", "in", interviewIds)
          .execute()
      : [],
    subjects("position").length
      ? db.selectFrom("positions").select(["id", "title"]).where("id", "in", subjects("position")).execute()
      : [],
    subjects("invitation").length
      ? db.selectFrom("invitations").select(["id", "email"]).where("id", "in", subjects("invitation")).execute()
      : [],
  ]);
  return {
    users: byId(users),
    candidates: byId(candidates),
    interviews: byId(
      interviews.map((i) => ({
        id: i.id,
        stage: i.stage,
        candidateId: i.candidate_id,
        candidate: i.candidate_name,
        position: i.position_title,
      })),
    ),
    scorecards: byId(scorecards),
    positions: byId(positions),
    invitations: byId(invitations),
  };
}
