import crypto from "node:crypto";
import type { Kysely } from "kysely";
import type { DB, Role } from "~db/schema";
import { createUser } from "~db/queries/users";
import { hashPassword } from "~/auth/password.server";
import { startSession } from "~/auth/session.server";

export type TestUser = { id: string; email: string; name: string; password: string | null };

// A user with a unique email; no password (cannot sign in by form) unless one is given.
export async function createTestUser(
  db: Kysely<DB>,
  {
    roles = ["interviewer"],
    name = "Test User",
    email,
    password = null,
  }: { roles?: Role[]; name?: string; email?: string; password?: string | null } = {},
): Promise<TestUser> {
  const address = email ?? `user-${crypto.randomBytes(4).toString("hex")}@example.test`;
  const id = await createUser(db, {
    email: address,
    name,
    roles,
    passwordHash: password ? await hashPassword(password) : null,
  });
  return { id, email: address, name, password };
}

// "name=value" from a Set-Cookie header, as a browser would send it back.
export function cookieFrom(setCookie: string | null): string {
  if (!setCookie) throw new Error("The response set no cookie");
  return setCookie.split(";")[0];
}

// Signed in without typing a password: a session row and the Cookie header that carries it.
export async function signedInCookie(userId: string): Promise<string> {
  return cookieFrom(await startSession(userId));
}

export async function signedInCookieFor(db: Kysely<DB>, email: string): Promise<string> {
  const user = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", email.toLowerCase())
    .executeTakeFirstOrThrow();
  return signedInCookie(user.id);
}
