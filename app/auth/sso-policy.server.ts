import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { findPerson, listActiveWithRole } from "~db/queries/people";
import { readSsoPolicy, writeSsoPolicy } from "~db/queries/sso";
import type { SessionUser } from "~db/queries/users";
import { DomainError } from "~/errors.server";
import { publicUrl } from "~/env.server";
import { callbackUrl, oidcSettings } from "./oidc/client.server";
import { scimTokens } from "./scim/tokens.server";

export type LoginOptions = { sso: { providerName: string } | null; passwordForm: boolean; breakGlass: boolean };

// What the login page offers. With SSO required, the password form is shown only on the
// break-glass path (/login?break-glass), which is for one named admin and not linked anywhere.
export async function loginOptions(url: URL): Promise<LoginOptions> {
  const settings = oidcSettings();
  const sso = settings ? { providerName: settings.providerName } : null;
  const required = sso !== null && (await readSsoPolicy(getDb())).sso_required;
  const breakGlass = required && url.searchParams.has("break-glass");
  return { sso, passwordForm: !required || breakGlass, breakGlass };
}

// Password sign-in while SSO is required: the break-glass admin only. Without SSO configured the
// policy cannot apply (nobody could sign in at all), so passwords work again.
export async function passwordSignInAllowed(email: string): Promise<boolean> {
  if (!oidcSettings()) return true;
  const policy = await readSsoPolicy(getDb());
  return !policy.sso_required || policy.break_glass_email?.toLowerCase() === email.trim().toLowerCase();
}

export const ssoPolicy = () => readSsoPolicy(getDb());

export async function changeSsoPolicy(
  actor: SessionUser,
  data: { ssoRequired: boolean; breakGlassUserId: string | null },
): Promise<void> {
  if (data.ssoRequired) {
    const admin = data.breakGlassUserId ? await findPerson(getDb(), data.breakGlassUserId) : undefined;
    if (!admin?.active || !admin.roles.includes("admin")) {
      const message = "Choose an active admin who may still sign in with a password";
      throw new DomainError("invalid", message, { fields: { breakGlassUserId: message } });
    }
  }
  await getDb()
    .transaction()
    .execute(async (tx) => {
      const before = await readSsoPolicy(tx);
      await writeSsoPolicy(tx, { ...data, updatedBy: actor.id });
      await appendAudit(tx, {
        actorId: actor.id,
        action: "sso.policy",
        details: {
          before: { ssoRequired: before.sso_required, breakGlassUserId: before.break_glass_user_id },
          after: data,
        },
      });
    });
}

// Everything the Single sign-on admin page shows.
export async function ssoAdminPage() {
  const db = getDb();
  const settings = oidcSettings();
  const [policy, admins, tokens] = await Promise.all([
    readSsoPolicy(db),
    listActiveWithRole(db, "admin"),
    scimTokens(),
  ]);
  return {
    provider: settings
      ? {
          name: settings.providerName,
          issuer: settings.issuer,
          redirectUri: callbackUrl(),
          roleClaim: settings.roleClaim,
        }
      : null,
    policy: { ssoRequired: policy.sso_required, breakGlassUserId: policy.break_glass_user_id },
    admins,
    tokens,
    scimUrl: `${publicUrl()}/scim/v2`,
  };
}
