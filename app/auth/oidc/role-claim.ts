import { ROLES, type Role } from "~db/schema";

// A claim by name, or by a dotted path into nested claims (Keycloak's "realm_access.roles").
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (path in claims) return claims[path];
  return path
    .split(".")
    .reduce<unknown>(
      (value, key) => (value && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined),
      claims,
    );
}

// The Panel roles a role claim grants: through the mapping, or by name when there is none.
// Nothing recognised leaves the JIT default, interviewer, rather than an account with no role.
export function rolesFromClaim(
  claims: Record<string, unknown>,
  claim: string,
  map: Record<string, Role[]> | null,
): Role[] {
  const raw = claimAt(claims, claim);
  const values = (Array.isArray(raw) ? raw : typeof raw === "string" ? raw.split(/[\s,]+/) : []).filter(
    (v): v is string => typeof v === "string",
  );
  const granted = new Set(
    values.flatMap((value) => (map ? (map[value] ?? []) : ROLES.includes(value as Role) ? [value as Role] : [])),
  );
  return granted.size ? ROLES.filter((role) => granted.has(role)) : ["interviewer"];
}
