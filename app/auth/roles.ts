import { ROLES, type Role } from "~db/schema";

// The role vocabulary for pages and forms, so routes need nothing from db/.
export { ROLES, type Role };

export function hasRole(user: { roles: readonly string[] }, ...roles: Role[]): boolean {
  return roles.some((role) => user.roles.includes(role));
}
