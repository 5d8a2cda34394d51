import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { findCandidate } from "~db/queries/candidates";
import { listCommittee, replaceCommittee } from "~db/queries/committee";
import { listActiveWithRole } from "~db/queries/people";
import type { Conn } from "~db/schema";
import type { SessionUser } from "~db/queries/users";
import { DomainError } from "~/errors.server";

async function requireCandidate(db: Conn, candidateId: string) {
  const candidate = await findCandidate(db, candidateId);
  if (!candidate) throw new DomainError("not-found", "No such candidate.");
  return candidate;
}

// The committee page: who sits now, and who could (active people with the committee role).
export async function committeeForm(candidateId: string) {
  const db = getDb();
  const candidate = await requireCandidate(db, candidateId);
  const [members, eligible] = await Promise.all([listCommittee(db, candidate.id), listActiveWithRole(db, "committee")]);
  return { candidate: { id: candidate.id, name: candidate.name }, members: members.map((m) => m.id), eligible };
}

export type CommitteeForm = Awaited<ReturnType<typeof committeeForm>>;

// Committee seats go to active users with the committee role; sitting on a candidate's
// committee is what lets a committee member open that candidate's packet.
export async function setCommittee(actor: SessionUser, candidateId: string, memberIds: string[]): Promise<void> {
  const db = getDb();
  await requireCandidate(db, candidateId);
  const eligible = new Set((await listActiveWithRole(db, "committee")).map((u) => u.id));
  const wanted = [...new Set(memberIds)];
  if (wanted.some((id) => !eligible.has(id))) {
    const message = "Only active people with the committee role can sit on a committee";
    throw new DomainError("invalid", message, { fields: { memberIds: message } });
  }
  await db.transaction().execute(async (tx) => {
    const before = (await listCommittee(tx, candidateId)).map((m) => m.id).sort();
    const after = [...wanted].sort();
    if (JSON.stringify(before) === JSON.stringify(after)) return;
    await replaceCommittee(tx, candidateId, after);
    await appendAudit(tx, {
      actorId: actor.id,
      action: "committee.update",
      subjectType: "candidate",
      subjectId: candidateId,
      details: { before, after },
    });
  });
}
