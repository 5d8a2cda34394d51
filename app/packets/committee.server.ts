import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { listCommittee, replaceCommittee } from "~db/queries/committee";
import { listActiveWithRole } from "~db/queries/people";
import type { SessionUser } from "~db/queries/users";
import type { FieldErrors } from "~/ui/form.server";

// Committee seats go to active users with the committee role; sitting on a candidate's
// committee is what lets a committee member open that candidate's packet.
export async function setCommittee(
  actor: SessionUser,
  candidateId: string,
  memberIds: string[],
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const eligible = new Set((await listActiveWithRole(getDb(), "committee")).map((u) => u.id));
  const wanted = [...new Set(memberIds)];
  if (wanted.some((id) => !eligible.has(id))) {
    return { ok: false, errors: { memberIds: "Only active people with the committee role can sit on a committee" } };
  }
  await getDb()
    .transaction()
    .execute(async (tx) => {
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
  return { ok: true };
}
