import { getDb } from "~db/index.server";
import { findPerson } from "~db/queries/people";
import type { SessionUser } from "~db/queries/users";
import { DomainError } from "~/errors.server";
import { changeRoles } from "~/people/people.server";
import type { OidcSettings } from "./client.server";
import { rolesFromClaim } from "./role-claim";

// With OIDC_ROLE_CLAIM, the provider owns roles: every sign-in brings Panel's in step through
// the same role change an admin makes (audited, committee seats following), by the user.
export async function syncRoles(
  settings: OidcSettings,
  user: SessionUser,
  claims: Record<string, unknown>,
): Promise<void> {
  if (!settings.roleClaim) return;
  const wanted = rolesFromClaim(claims, settings.roleClaim, settings.roleMap);
  const person = await findPerson(getDb(), user.id);
  if (!person || (person.roles.length === wanted.length && wanted.every((r) => person.roles.includes(r)))) return;
  try {
    await changeRoles(user, user.id, wanted);
  } catch (error) {
    // The last active admin keeps the role: the provider cannot lock every admin out.
    if (!(error instanceof DomainError)) throw error;
    console.warn(`panel: kept ${user.email}'s roles at sign-in: ${error.message}`);
  }
}
