import crypto from "node:crypto";

// Secrets sent to people (session cookies, invitation and reset links) are stored only as this
// hash, so a copy of the database lets no one in.
export const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export const newToken = () => crypto.randomBytes(32).toString("base64url");
