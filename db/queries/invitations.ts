import { sql, type Transaction } from "kysely";
import type { Conn, DB, InvitationRevokedReason, Role } from "../schema";

// One key for everything that must not run twice at once on an empty database: the first
// start (setup link or demo data) and accepting a setup link. A transaction-level advisory
// lock, so it is released by commit or rollback, also on PGlite.
const FIRST_ADMIN_LOCK = 7_202_612_001;
export async function lockFirstAdmin(db: Transaction<DB>): Promise<void> {
  await sql`select pg_advisory_xact_lock(${FIRST_ADMIN_LOCK})`.execute(db);
}

// Serialises invitations for one email, so two admins inviting it at once make one.
export async function lockInvitationEmail(db: Transaction<DB>, email: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtext(${`invitation:${email.toLowerCase()}`}))`.execute(db);
}

export async function insertInvitation(
  db: Conn,
  values: { tokenHash: string; email: string | null; roles: Role[]; invitedBy: string | null; expiresAt: Date },
): Promise<string> {
  const row = await db
    .insertInto("invitations")
    .values({
      token_hash: values.tokenHash,
      email: values.email?.toLowerCase() ?? null,
      roles: JSON.stringify(values.roles),
      invited_by: values.invitedBy,
      expires_at: values.expiresAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

// Open: not accepted, not revoked, not expired, and its admin still an active admin (a setup
// link has none), so a stale row can never let anyone in.
function open(now: Date) {
  return sql<boolean>`(invitations.accepted_at is null and invitations.revoked_at is null and invitations.expires_at > ${now})`;
}
const inviterStillAdmin = sql<boolean>`(invitations.invited_by is null or exists (
  select 1 from users u join user_roles r on r.user_id = u.id and r.role = 'admin'
  where u.id = invitations.invited_by and u.active))`;

const invitationColumns = [
  "invitations.id",
  "invitations.email",
  "invitations.roles",
  "invitations.expires_at",
  "invitations.accepted_at",
  "invitations.revoked_at",
  "invitations.revoked_reason",
  "invitations.replaced_by",
  "invitations.token_hash",
] as const;

// The invitation a link names, whatever its state (locked: accepting and revoking wait on each other).
export async function findInvitationByToken(db: Conn, tokenHash: string) {
  return db
    .selectFrom("invitations")
    .select(invitationColumns)
    .select(inviterStillAdmin.as("inviter_ok"))
    .where("token_hash", "=", tokenHash)
    .forUpdate()
    .executeTakeFirst();
}

export async function findInvitation(db: Conn, id: string) {
  return db
    .selectFrom("invitations")
    .select(invitationColumns)
    .select(inviterStillAdmin.as("inviter_ok"))
    .where("id", "=", id)
    .where("email", "is not", null)
    .forUpdate()
    .executeTakeFirst();
}

export async function findOpenInvitationForEmail(db: Conn, email: string, now: Date) {
  return db
    .selectFrom("invitations")
    .select(["invitations.id", "invitations.expires_at"])
    .where("email", "=", email.toLowerCase())
    .where(open(now))
    .where(inviterStillAdmin)
    .executeTakeFirst();
}

export async function markInvitationAccepted(db: Conn, id: string, userId: string, now: Date): Promise<void> {
  await db.updateTable("invitations").set({ accepted_at: now, accepted_by: userId }).where("id", "=", id).execute();
}

export async function revokeInvitationRow(
  db: Conn,
  id: string,
  reason: InvitationRevokedReason,
  now: Date,
  replacedBy: string | null = null,
): Promise<void> {
  await db
    .updateTable("invitations")
    .set({ revoked_at: now, revoked_reason: reason, replaced_by: replacedBy })
    .where("id", "=", id)
    .execute();
}

// Closes every open invitation an admin made (on deactivation); returns their ids.
export async function revokeInvitationsBy(db: Conn, inviterId: string, now: Date): Promise<string[]> {
  const rows = await db
    .updateTable("invitations")
    .set({ revoked_at: now, revoked_reason: "inviter-deactivated" })
    .where("invited_by", "=", inviterId)
    .where(open(now))
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}

// Every setup link still open: void once Panel has its first admin.
export async function revokeSetupLinks(db: Conn, now: Date): Promise<string[]> {
  const rows = await db
    .updateTable("invitations")
    .set({ revoked_at: now, revoked_reason: "setup-complete" })
    .where("email", "is", null)
    .where(open(now))
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}

export async function findOpenSetupLink(db: Conn, now: Date) {
  return db
    .selectFrom("invitations")
    .select(["id", "expires_at"])
    .where("email", "is", null)
    .where(open(now))
    .executeTakeFirst();
}

// Email invitations an admin can still revoke or resend, newest first.
export async function listOpenInvitations(db: Conn, now: Date) {
  return db
    .selectFrom("invitations")
    .leftJoin("users as inviter", "inviter.id", "invitations.invited_by")
    .select([
      "invitations.id",
      "invitations.email",
      "invitations.roles",
      "invitations.created_at",
      "invitations.expires_at",
      "inviter.name as invited_by_name",
    ])
    .where("invitations.email", "is not", null)
    .where(open(now))
    .where(inviterStillAdmin)
    .orderBy("invitations.created_at", "desc")
    .orderBy("invitations.id")
    .execute();
}
