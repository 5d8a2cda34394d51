import type { Role } from "~db/schema";

export function hasRole(user: { roles: readonly string[] }, ...roles: Role[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}
