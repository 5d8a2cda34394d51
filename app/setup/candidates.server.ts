import { getDb } from "~db/index.server";
import { listCandidates } from "~db/queries/candidates";
import { hasRole, type SessionUser } from "~/auth/guard.server";

export async function candidatesFor(user: SessionUser, now = new Date()) {
  return listCandidates(getDb(), { id: user.id, seesAll: hasRole(user, "recruiter", "admin") }, now);
}
export type CandidateRow = Awaited<ReturnType<typeof candidatesFor>>[number];
