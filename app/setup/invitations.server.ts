import crypto from "node:crypto";
import type { Kysely, Transaction } from "kysely";
import type { DB, Role } from "~db/schema";
import { insertInvitation } from "~db/queries/people";

export const INVITATION_DAYS = 7;

export const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export function invitationLink(origin: string, token: string): string {
  return `${origin.replace(/\/$/, "")}/invitations/${token}`;
}

// Stores only the token's hash: the link is shown once, on screen and in the server log.
export async function createInvitation(
  db: Kysely<DB> | Transaction<DB>,
  { token, email, roles, invitedBy, now = new Date() }: { token: string; email: string | null; roles: Role[]; invitedBy: string | null; now?: Date },
): Promise<string> {
  return insertInvitation(db, {
    tokenHash: hashToken(token),
    email,
    roles,
    invitedBy,
    expiresAt: new Date(now.getTime() + INVITATION_DAYS * 24 * 3600_000),
  });
}

export const randomToken = () => crypto.randomBytes(32).toString("base64url");
