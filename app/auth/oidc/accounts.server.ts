import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { findIdentityUser, findUserByEmail, linkIdentity } from "~db/queries/sso";
import { createUser, type SessionUser } from "~db/queries/users";
import { findPerson } from "~db/queries/people";
import { DomainError } from "~/errors.server";
import type { OidcSettings } from "./client.server";
import { rolesFromClaim } from "./role-claim";

type Claims = {
  iss: string;
  sub: string;
  email?: unknown;
  email_verified?: unknown;
  name?: unknown;
  preferred_username?: unknown;
} & Record<string, unknown>;

const refuse = (message: string) => new DomainError("forbidden", message);

function emailOf(claims: Claims): string | null {
  const email =
    typeof claims.email === "string"
      ? claims.email
      : typeof claims.preferred_username === "string"
        ? claims.preferred_username
        : "";
  return /^[^@\s]+@[^@\s]+$/.test(email) ? email.toLowerCase() : null;
}

// The Panel account for a provider's user: the one linked to (issuer, subject); else the password
// account with the same verified email, linked now; else a new interviewer (just-in-time).
// Only addresses in OIDC_ALLOWED_DOMAINS get in, and a deactivated account never does.
export async function accountFor(settings: OidcSettings, claims: Claims): Promise<SessionUser> {
  const email = emailOf(claims);
  if (!email)
    throw refuse(
      `${settings.providerName} did not share your email address, so Panel cannot tell which account is yours.`,
    );
  const domain = email.split("@")[1];
  if (!settings.allowedDomains.includes(domain)) {
    throw refuse(`Accounts at ${domain} cannot sign in to Panel. Sign in with your work account, or ask an admin.`);
  }
  const db = getDb();
  let user = await findIdentityUser(db, claims.iss, claims.sub);
  if (!user) {
    const existing = await findUserByEmail(db, email);
    if (existing && claims.email_verified !== true) {
      throw refuse(
        `An account for ${email} exists, but ${settings.providerName} did not confirm that this address is yours. Ask an admin.`,
      );
    }
    user = existing ?? { ...(await createFromClaims(settings, claims, email)), active: true };
    if (existing) {
      await db.transaction().execute(async (tx) => {
        await linkIdentity(tx, { issuer: claims.iss, subject: claims.sub, userId: existing.id });
        await appendAudit(tx, {
          actorId: existing.id,
          action: "user.link-sso",
          subjectType: "user",
          subjectId: existing.id,
          details: { provider: claims.iss, subject: claims.sub },
        });
      });
    }
  }
  if (!user.active)
    throw refuse("Your Panel account is deactivated, so you cannot sign in. Ask an admin if this is a mistake.");
  const person = await findPerson(db, user.id);
  return { id: user.id, email: user.email, name: user.name, roles: person?.roles ?? [] };
}

async function createFromClaims(settings: OidcSettings, claims: Claims, email: string) {
  const name = typeof claims.name === "string" && claims.name.trim() ? claims.name.trim() : email;
  const roles = settings.roleClaim
    ? rolesFromClaim(claims, settings.roleClaim, settings.roleMap)
    : ["interviewer" as const];
  return getDb()
    .transaction()
    .execute(async (tx) => {
      const id = await createUser(tx, { email, name, passwordHash: null, roles });
      await linkIdentity(tx, { issuer: claims.iss, subject: claims.sub, userId: id });
      await appendAudit(tx, {
        actorId: id,
        action: "user.create",
        subjectType: "user",
        subjectId: id,
        details: { via: "sso", provider: claims.iss, after: { email, roles } },
      });
      return { id, email, name };
    });
}
