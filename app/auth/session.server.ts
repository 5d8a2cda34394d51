import { createCookie } from "@remix-run/node";
import { getDb } from "~db/index.server";
import { deleteSession, findSessionUser, insertSession, touchSession, type Viewer } from "~db/queries/users";
import { findSessionSso } from "~db/queries/sso";
import { appendAudit } from "~db/queries/audit";
import { getSettings, secureCookies, sessionSecret } from "~/env.server";

import { hashToken, newToken } from "./token.server";

// A session started through single sign-on: its provider (for audit rows) and ID token (for logout).
export type SsoSession = { provider: string; idToken: string };

const SESSION_HOURS = 12;

function sessionCookie() {
  const secret = sessionSecret();
  const secure = secureCookies();
  // "__Host-": the browser takes it only over https, for this exact host and path "/", so a
  // sibling subdomain or a plain-http page cannot plant or overwrite it.
  return createCookie(secure ? "__Host-panel_session" : "panel_session", {
    httpOnly: true,
    sameSite: "lax",
    secure,
    path: "/",
    secrets: [secret],
    maxAge: SESSION_HOURS * 3600,
  });
}

async function readToken(request: Request): Promise<string | null> {
  const value = await sessionCookie().parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

// A fresh token at every sign-in (no fixation); the row makes sessions revocable and lets any
// app instance behind a load balancer read them.
// The session a request arrives with, if any, is revoked: the old token dies with the sign-in.
export async function startSession(userId: string, replacing?: Request, sso?: SsoSession): Promise<string> {
  const db = getDb();
  const previous = replacing ? await readToken(replacing) : null;
  if (previous) await deleteSession(db, hashToken(previous));
  const token = newToken();
  await insertSession(db, {
    id: hashToken(token),
    userId,
    expiresAt: new Date(Date.now() + SESSION_HOURS * 3600_000),
    provider: sso?.provider ?? null,
    idToken: sso?.idToken ?? null,
  });
  return sessionCookie().serialize(token);
}

// A session ends at its fixed end, or sooner when unused for SESSION_IDLE_MINUTES.
export async function currentUser(request: Request): Promise<Viewer | null> {
  const token = await readToken(request);
  if (!token) return null;
  const now = new Date();
  const idleSince = new Date(now.getTime() - getSettings().SESSION_IDLE_MINUTES * 60_000);
  const user = await findSessionUser(getDb(), hashToken(token), now, idleSince);
  if (user) await touchSession(getDb(), hashToken(token), now);
  return user;
}

export async function currentSso(request: Request): Promise<SsoSession | null> {
  const token = await readToken(request);
  const row = token ? await findSessionSso(getDb(), hashToken(token)) : undefined;
  return row?.provider && row.id_token ? { provider: row.provider, idToken: row.id_token } : null;
}

export async function endSession(request: Request): Promise<string> {
  const token = await readToken(request);
  const userId = token ? await deleteSession(getDb(), hashToken(token)) : null;
  if (userId)
    await appendAudit(getDb(), { actorId: userId, action: "sign-out", subjectType: "user", subjectId: userId });
  return sessionCookie().serialize("", { maxAge: 0 });
}

// The hashed id of the session a request carries, so a change can keep it while ending the others.
export async function sessionIdOf(request: Request): Promise<string | null> {
  const token = await readToken(request);
  return token ? hashToken(token) : null;
}
