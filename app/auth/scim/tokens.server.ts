import crypto from "node:crypto";
import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { insertScimToken, listScimTokens, revokeScimToken, useScimToken } from "~db/queries/scim";
import type { SessionUser } from "~db/queries/users";
import { DomainError } from "~/errors.server";
import { scimError } from "./respond.server";

const sha256 = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

// 32 random bytes, shown to the admin once; only the sha256 is kept.
export async function createScimToken(actor: SessionUser, label: string): Promise<string> {
  const token = `scim_${crypto.randomBytes(32).toString("base64url")}`;
  await getDb()
    .transaction()
    .execute(async (tx) => {
      const id = await insertScimToken(tx, { tokenHash: sha256(token), label, createdBy: actor.id });
      await appendAudit(tx, {
        actorId: actor.id,
        action: "scim-token.create",
        subjectType: "scim-token",
        subjectId: id,
        details: { label },
      });
    });
  return token;
}

export async function revokeToken(actor: SessionUser, id: string): Promise<void> {
  await getDb()
    .transaction()
    .execute(async (tx) => {
      const revoked = await revokeScimToken(tx, id, new Date());
      if (!revoked) throw new DomainError("not-found", "No such token.");
      await appendAudit(tx, {
        actorId: actor.id,
        action: "scim-token.revoke",
        subjectType: "scim-token",
        subjectId: id,
        details: { label: revoked.label },
      });
    });
}

export const scimTokens = () => listScimTokens(getDb());

// The id of the live token in "Authorization: Bearer …", or null.
export async function scimTokenFrom(authorization: string | null | undefined): Promise<string | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
  if (!match) return null;
  return (await useScimToken(getDb(), sha256(match[1]), new Date()))?.id ?? null;
}

// The guard of every SCIM route: a SCIM 401 without a live token.
export async function requireScimToken(request: Request): Promise<string> {
  const id = await scimTokenFrom(request.headers.get("Authorization"));
  if (!id) throw scimError(401, "A valid bearer token is required.");
  return id;
}
