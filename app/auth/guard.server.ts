import { redirect } from "@remix-run/node";
import type { Role } from "~db/schema";
import type { SessionUser, Viewer } from "~db/queries/users";
import { currentUser } from "./session.server";
import { hasRole } from "./roles";

export { hasRole };

export type { SessionUser };

// Guards throw Responses, so a loader reads top to bottom: user, role, row, respond.
export async function requireUser(request: Request): Promise<Viewer> {
  const user = await currentUser(request);
  if (user) return user;
  const url = new URL(request.url);
  const back = url.pathname + url.search;
  throw redirect(back === "/" ? "/login" : `/login?redirectTo=${encodeURIComponent(back)}`);
}

export async function requireRole(request: Request, ...roles: Role[]): Promise<Viewer> {
  const user = await requireUser(request);
  if (!hasRole(user, ...roles)) {
    throw new Response("Your roles do not give you access to this page.", { status: 403 });
  }
  return user;
}

// An id that is not the user's is a 404, not a 403 that would confirm it exists.
export function notFoundUnless<T>(row: T | null | undefined, what = "page"): T {
  if (row === null || row === undefined) throw new Response(`No such ${what}.`, { status: 404 });
  return row;
}

// Only same-site relative paths: never an open redirect to another host. Resolved the way a
// browser would, because the URL parser drops tabs and newlines ("/\t/evil.example" is "//evil.example").
const HERE = "http://panel.invalid";
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/")) return fallback;
  let target: URL;
  try {
    target = new URL(to, HERE);
  } catch {
    return fallback;
  }
  // Normalising can itself produce "//host" ("/.//host"), which would be protocol-relative again.
  const path = target.pathname + target.search + target.hash;
  return target.origin === HERE && !path.startsWith("//") ? path : fallback;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Ids in URLs are uuids; anything else cannot name a row, so it is a 404 before any query.
export function requireId(value: string | undefined, what = "page"): string {
  if (!value || !UUID.test(value)) throw new Response(`No such ${what}.`, { status: 404 });
  return value;
}
