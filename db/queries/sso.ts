import { sql } from "kysely";
import type { Conn } from "../schema";

// The Panel user a provider's (issuer, subject) pair belongs to, with what sign-in needs to know.
export async function findIdentityUser(db: Conn, issuer: string, subject: string) {
  return db
    .selectFrom("user_identities")
    .innerJoin("users", "users.id", "user_identities.user_id")
    .select(["users.id", "users.email", "users.name", "users.active"])
    .where("user_identities.issuer", "=", issuer)
    .where("user_identities.subject", "=", subject)
    .executeTakeFirst();
}

export async function findUserByEmail(db: Conn, email: string) {
  return db
    .selectFrom("users")
    .select(["id", "email", "name", "active"])
    .where(sql`lower(email)`, "=", email.toLowerCase())
    .executeTakeFirst();
}

export async function linkIdentity(
  db: Conn,
  identity: { issuer: string; subject: string; userId: string },
): Promise<void> {
  await db
    .insertInto("user_identities")
    .values({ issuer: identity.issuer, subject: identity.subject, user_id: identity.userId })
    .onConflict((oc) => oc.columns(["issuer", "subject"]).doNothing())
    .execute();
}

export async function insertPendingSignIn(
  db: Conn,
  row: { id: string; state: string; nonce: string; codeVerifier: string; redirectTo: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto("oidc_sign_ins")
    .values({
      id: row.id,
      state: row.state,
      nonce: row.nonce,
      code_verifier: row.codeVerifier,
      redirect_to: row.redirectTo,
      expires_at: row.expiresAt,
    })
    .execute();
}

// Deleted as it is read: a pending sign-in is good for one callback only, replays find nothing.
export async function takePendingSignIn(db: Conn, id: string, now: Date) {
  await db.deleteFrom("oidc_sign_ins").where("expires_at", "<=", now).execute();
  return db
    .deleteFrom("oidc_sign_ins")
    .where("id", "=", id)
    .returning(["state", "nonce", "code_verifier", "redirect_to"])
    .executeTakeFirst();
}

export async function findSessionSso(db: Conn, sessionId: string) {
  return db.selectFrom("sessions").select(["provider", "id_token"]).where("id", "=", sessionId).executeTakeFirst();
}

export async function readSsoPolicy(db: Conn) {
  const row = await db
    .selectFrom("sso_policy")
    .leftJoin("users", "users.id", "sso_policy.break_glass_user_id")
    .select(["sso_policy.sso_required", "sso_policy.break_glass_user_id", "users.email as break_glass_email"])
    .executeTakeFirst();
  return row ?? { sso_required: false, break_glass_user_id: null, break_glass_email: null };
}

export async function writeSsoPolicy(
  db: Conn,
  policy: { ssoRequired: boolean; breakGlassUserId: string | null; updatedBy: string },
) {
  const values = {
    sso_required: policy.ssoRequired,
    break_glass_user_id: policy.breakGlassUserId,
    updated_by: policy.updatedBy,
    updated_at: new Date(),
  };
  await db
    .insertInto("sso_policy")
    .values({ id: true, ...values })
    .onConflict((oc) => oc.column("id").doUpdateSet(values))
    .execute();
}
