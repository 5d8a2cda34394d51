import { secureCookies, sessionSecret } from "~/env.server";
import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import * as oidc from "openid-client";
import { getDb } from "~db/index.server";
import { insertPendingSignIn, takePendingSignIn } from "~db/queries/sso";
import { appendAudit } from "~db/queries/audit";
import { DomainError } from "~/errors.server";
import { safeRedirect } from "~/auth/guard.server";
import { startSession } from "~/auth/session.server";
import { callbackUrl, oidcConfiguration, oidcSettings, type OidcSettings } from "./client.server";
import { accountFor } from "./accounts.server";
import { syncRoles } from "./roles.server";

const PENDING_MINUTES = 10;

// Binds a sign-in under way to this browser: only its sha256 is stored, with state, nonce and
// the PKCE verifier, so a callback URL replayed elsewhere (or twice) finds nothing.
function pendingCookie() {
  const secret = sessionSecret();
  return createCookie("panel_oidc", {
    httpOnly: true,
    sameSite: "lax", // the callback is a top-level GET from the provider's site
    secure: secureCookies(),
    path: "/auth/oidc",
    secrets: [secret],
    maxAge: PENDING_MINUTES * 60,
  });
}

const sha256 = (value: string) => crypto.createHash("sha256").update(value).digest("hex");

export function requireOidc(): OidcSettings {
  const settings = oidcSettings();
  if (!settings) throw new DomainError("not-found", "Single sign-on is not configured.");
  return settings;
}

// The provider's authorization URL for a fresh sign-in, and the cookie that ties it to the browser.
export async function beginSignIn(
  redirectTo: string | null,
  now = new Date(),
): Promise<{ url: string; cookie: string }> {
  const settings = requireOidc();
  const config = await oidcConfiguration(settings);
  const key = crypto.randomBytes(32).toString("base64url");
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  await insertPendingSignIn(getDb(), {
    id: sha256(key),
    state,
    nonce,
    codeVerifier,
    redirectTo: safeRedirect(redirectTo),
    expiresAt: new Date(now.getTime() + PENDING_MINUTES * 60_000),
  });
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: callbackUrl(),
    scope: settings.scopes,
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
  });
  return { url: url.href, cookie: await pendingCookie().serialize(key) };
}

export type FinishedSignIn = { redirectTo: string; cookies: string[] };

// The callback: the pending sign-in (once), the code exchanged and the ID token checked by
// openid-client (signature, issuer, audience, expiry, nonce; state and PKCE), then the account.
export async function finishSignIn(request: Request, now = new Date()): Promise<FinishedSignIn> {
  const settings = requireOidc();
  const key = await pendingCookie().parse(request.headers.get("Cookie"));
  const pending = typeof key === "string" ? await takePendingSignIn(getDb(), sha256(key), now) : undefined;
  if (!pending) {
    throw new DomainError(
      "invalid",
      "This sign-in link has expired or was already used. Start again from the sign-in page.",
    );
  }
  const config = await oidcConfiguration(settings);
  const current = new URL(callbackUrl());
  current.search = new URL(request.url).search;
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, current, {
      pkceCodeVerifier: pending.code_verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    // The details (which check failed) are for the audit log, not for whoever holds the URL.
    const reason = [error, (error as Error).cause]
      .filter((e): e is Error => e instanceof Error)
      .map((e) => e.message)
      .join(": ");
    await appendAudit(getDb(), {
      actorId: null,
      action: "sign-in.failed",
      details: { provider: settings.issuer, reason },
    });
    throw new DomainError(
      "invalid",
      `${settings.providerName} did not complete the sign-in. Start again from the sign-in page.`,
    );
  }
  const claims = tokens.claims();
  if (!claims || !tokens.id_token) throw new DomainError("invalid", `${settings.providerName} sent no ID token.`);
  const user = await accountFor(settings, claims);
  await syncRoles(settings, user, claims);
  await appendAudit(getDb(), {
    actorId: user.id,
    action: "sign-in",
    subjectType: "user",
    subjectId: user.id,
    details: { provider: settings.issuer },
  });
  const session = await startSession(user.id, request, { provider: settings.issuer, idToken: tokens.id_token });
  return { redirectTo: pending.redirect_to, cookies: [session, await pendingCookie().serialize("", { maxAge: 0 })] };
}
