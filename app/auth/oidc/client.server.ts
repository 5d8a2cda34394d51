import * as oidc from "openid-client";
import type { Role } from "~db/schema";
import { getSettings, publicUrl, type Env } from "~/env.server";

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowedDomains: string[];
  providerName: string;
  roleClaim: string | null;
  roleMap: Record<string, Role[]> | null;
  scopes: string;
};

// null when single sign-on is not configured (env.server.ts makes it all four core settings or none).
export function oidcSettings(env: Env = getSettings()): OidcSettings | null {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET || !env.OIDC_ALLOWED_DOMAINS) return null;
  return {
    issuer: env.OIDC_ISSUER,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    allowedDomains: env.OIDC_ALLOWED_DOMAINS,
    providerName: env.OIDC_PROVIDER_NAME ?? new URL(env.OIDC_ISSUER).hostname,
    roleClaim: env.OIDC_ROLE_CLAIM ?? null,
    roleMap: env.OIDC_ROLE_MAP ?? null,
    scopes: env.OIDC_SCOPES,
  };
}

export const callbackUrl = () => `${publicUrl()}/auth/oidc/callback`;
export const afterLogoutUrl = () => `${publicUrl()}/login`;

// Plain http is refused by openid-client except for a provider on this machine (a local
// Keycloak, the tests' provider): anything reached over a network must be https.
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

// Discovery once per process (per issuer and client); a failed one is retried on the next sign-in.
const configurations = new Map<string, Promise<oidc.Configuration>>();
export function oidcConfiguration(settings: OidcSettings): Promise<oidc.Configuration> {
  const key = `${settings.issuer} ${settings.clientId}`;
  let found = configurations.get(key);
  if (!found) {
    const issuer = new URL(settings.issuer);
    const insecure = issuer.protocol === "http:" && LOOPBACK.has(issuer.hostname);
    found = oidc.discovery(
      issuer,
      settings.clientId,
      settings.clientSecret,
      undefined,
      insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    found.catch(() => configurations.delete(key));
    configurations.set(key, found);
  }
  return found;
}
