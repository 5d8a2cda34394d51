import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { findPosition, insertPosition, updatePosition, type PositionValues } from "~db/queries/positions";
import type { SessionUser } from "~db/queries/users";
import { listCurrentKits } from "~/scorecards/kits.server";
import { DomainError } from "~/errors.server";
import type { Parsed } from "~/ui/form.server";
import { once, submissionKey } from "~/startup/once.server";
import type { PositionData } from "./position.schema";

function values(data: PositionData): PositionValues {
  return {
    title: data.title,
    team: data.team,
    level_min: data.levelMin,
    level_max: data.levelMax,
    kit_id: data.kitId,
    competencies: data.competencies,
  };
}

function pick({ title, team, level_min, level_max, kit_id, competencies }: PositionValues): PositionValues {
  return { title, team, level_min, level_max, kit_id, competencies };
}

async function unknownKit(kitId: string): Promise<Parsed<never> | null> {
  const kits = await listCurrentKits(getDb());
  return kits.some(({ kit }) => kit.id === kitId)
    ? null
    : { ok: false, errors: { kitId: "Choose one of the question kits listed" } };
}

export async function createPosition(
  actor: SessionUser,
  data: PositionData & { idempotencyKey: string },
): Promise<Parsed<string>> {
  const bad = await unknownKit(data.kitId);
  if (bad) return bad;
  const id = await getDb()
    .transaction()
    .execute(async (tx) => {
      const result = await once(tx, submissionKey(actor.id, data), () => insertPosition(tx, values(data)));
      if (result.created) {
        await appendAudit(tx, {
          actorId: actor.id,
          action: "position.create",
          subjectType: "position",
          subjectId: result.id,
          details: { before: null, after: values(data) },
        });
      }
      return result.id;
    });
  return { ok: true, data: id };
}

export async function editPosition(actor: SessionUser, id: string, data: PositionData): Promise<Parsed<string>> {
  const bad = await unknownKit(data.kitId);
  if (bad) return bad;
  await getDb()
    .transaction()
    .execute(async (tx) => {
      const before = await findPosition(tx, id);
      if (!before) throw new DomainError("not-found", "No such position.");
      await updatePosition(tx, id, values(data));
      await appendAudit(tx, {
        actorId: actor.id,
        action: "position.update",
        subjectType: "position",
        subjectId: id,
        details: { before: pick(before), after: values(data) },
      });
    });
  return { ok: true, data: id };
}

export async function setPositionStatus(actor: SessionUser, id: string, status: "open" | "closed"): Promise<void> {
  await getDb()
    .transaction()
    .execute(async (tx) => {
      const before = await findPosition(tx, id);
      if (!before) throw new DomainError("not-found", "No such position.");
      if (before.status === status) return;
      await updatePosition(tx, id, { status });
      await appendAudit(tx, {
        actorId: actor.id,
        action: status === "closed" ? "position.close" : "position.reopen",
        subjectType: "position",
        subjectId: id,
        details: { before: { status: before.status }, after: { status } },
      });
    });
}
