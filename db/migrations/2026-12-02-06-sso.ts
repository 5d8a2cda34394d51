import { sql, type Kysely } from "kysely";

// Frozen once landed: never import app code here.
// Single sign-on and SCIM provisioning (issue 19).
// - user_identities: who a provider's (issuer, subject) is in Panel; an email can change at the
//   provider, the pair cannot.
// - oidc_sign_ins: a sign-in under way, keyed by the sha256 of a random value in a cookie bound
//   to the browser; state, nonce and PKCE verifier stay here, and the row is deleted when used.
// - sessions.provider / id_token: which provider started a session (audit rows say so) and the
//   ID token to hint at RP-initiated logout.
// - scim_tokens: bearer tokens for a provisioning client, stored as sha256 only.
// - sso_policy: one row; when sso_required, only the break-glass admin signs in by password.
// - users.scim_external_id: the provisioning client's own id for the user, echoed back.
export async function up(db: Kysely<any>): Promise<void> {
  const now = sql`now()`;
  await db.schema
    .createTable("user_identities")
    .addColumn("issuer", "text", (c) => c.notNull())
    .addColumn("subject", "text", (c) => c.notNull())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("user_identities_pk", ["issuer", "subject"])
    .execute();
  await db.schema.createIndex("user_identities_user_idx").on("user_identities").column("user_id").execute();

  await db.schema
    .createTable("oidc_sign_ins")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("state", "text", (c) => c.notNull())
    .addColumn("nonce", "text", (c) => c.notNull())
    .addColumn("code_verifier", "text", (c) => c.notNull())
    .addColumn("redirect_to", "text", (c) => c.notNull())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .execute();

  await db.schema.alterTable("sessions").addColumn("provider", "text").addColumn("id_token", "text").execute();

  await db.schema
    .createTable("scim_tokens")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("label", "text", (c) => c.notNull())
    .addColumn("created_by", "uuid", (c) => c.references("users.id"))
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .addColumn("last_used_at", "timestamptz")
    .addColumn("revoked_at", "timestamptz")
    .execute();

  await db.schema
    .createTable("sso_policy")
    .addColumn("id", "boolean", (c) =>
      c
        .primaryKey()
        .defaultTo(true)
        .check(sql`id`),
    )
    .addColumn("sso_required", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("break_glass_user_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("updated_by", "uuid", (c) => c.references("users.id"))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema.alterTable("users").addColumn("scim_external_id", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("users").dropColumn("scim_external_id").execute();
  await db.schema.dropTable("sso_policy").execute();
  await db.schema.dropTable("scim_tokens").execute();
  await db.schema.alterTable("sessions").dropColumn("provider").dropColumn("id_token").execute();
  await db.schema.dropTable("oidc_sign_ins").execute();
  await db.schema.dropTable("user_identities").execute();
}
