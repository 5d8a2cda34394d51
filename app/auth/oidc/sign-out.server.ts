import * as oidc from "openid-client";
import { currentSso, endSession } from "~/auth/session.server";
import { afterLogoutUrl, oidcConfiguration, oidcSettings } from "./client.server";

// Ends the Panel session; one started by single sign-on then goes on to the provider's
// end_session_endpoint (RP-initiated logout), when it has one, and comes back to the login page.
export async function signOut(request: Request): Promise<{ location: string; cookie: string }> {
  const sso = await currentSso(request);
  const cookie = await endSession(request);
  const settings = oidcSettings();
  if (!sso || !settings || sso.provider !== settings.issuer) return { location: "/login", cookie };
  try {
    const config = await oidcConfiguration(settings);
    if (!config.serverMetadata().end_session_endpoint) return { location: "/login", cookie };
    const url = oidc.buildEndSessionUrl(config, {
      id_token_hint: sso.idToken,
      post_logout_redirect_uri: afterLogoutUrl(),
    });
    return { location: url.href, cookie };
  } catch (error) {
    // Panel's session is over either way; an unreachable provider only keeps its own.
    console.warn(`panel: RP-initiated logout skipped: ${(error as Error).message}`);
    return { location: "/login", cookie };
  }
}
