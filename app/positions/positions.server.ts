import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import {
  findPosition,
  insertPosition,
  listPositions,
  updatePosition,
  type PositionValues,
} from "~db/queries/positions";
import { listActiveUsersWithRole } from "~db/queries/notifications";
import type { SessionUser } from "~db/queries/users";
import { listCurrentKits } from "~/scorecards/kits.server";
import { DomainError } from "~/errors.server";
import { emptyToNull } from "~/ui/form-fields";
import { once, submissionKey } from "~/startup/once.server";
import type { PositionAction, PositionData } from "./position.schema";

function values(data: PositionData): PositionValues {
  return {
    title: data.title,
    team: data.team,
    level_min: data.levelMin,
    level_max: data.levelMax,
    kit_id: data.kitId,
    competencies: data.competencies,
    ...(data.recruiterId === undefined ? {} : { recruiter_id: emptyToNull(data.recruiterId) }),
  };
}

function pick({ title, team, level_min, level_max, kit_id, competencies, recruiter_id }: PositionValues) {
  return { title, team, level_min, level_max, kit_id, competencies, recruiter_id };
}

// The "Recruiter" choices on the position form: active recruiters only.
export async function listRecruiters(): Promise<{ id: string; name: string }[]> {
  return (await listActiveUsersWithRole(getDb(), "recruiter")).map(({ id, name }) => ({ id, name }));
}

async function refuseUnknownRecruiter(recruiterId: string | undefined): Promise<void> {
  if (!recruiterId || (await listRecruiters()).some((r) => r.id === recruiterId)) return;
  const message = "Choose one of the recruiters listed";
  throw new DomainError("invalid", message, { fields: { recruiterId: message } });
}

// The kits a position may use, as the form lists them.
export async function kitChoices() {
  const kits = await listCurrentKits(getDb());
  return kits.map(({ kit, version }) => ({ id: kit.id, title: kit.title, version }));
}

export async function positionsPage() {
  return listPositions(getDb());
}

export async function positionForEdit(id: string) {
  const [position, kits, recruiters] = await Promise.all([findPosition(getDb(), id), kitChoices(), listRecruiters()]);
  if (!position) throw new DomainError("not-found", "No such position.");
  return { position, kits, recruiters };
}

// What the new-position form offers to choose from.
export async function positionChoices() {
  const [kits, recruiters] = await Promise.all([kitChoices(), listRecruiters()]);
  return { kits, recruiters };
}

async function refuseUnknownKit(kitId: string): Promise<void> {
  const kits = await listCurrentKits(getDb());
  if (kits.some(({ kit }) => kit.id === kitId)) return;
  const message = "Choose one of the question kits listed";
  throw new DomainError("invalid", message, { fields: { kitId: message } });
}

export async function createPosition(actor: SessionUser, data: PositionData & { idempotencyKey: string }) {
  await refuseUnknownKit(data.kitId);
  await refuseUnknownRecruiter(data.recruiterId);
  return getDb()
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
}

// The position page's one action: save the edits, or close or reopen the position.
export async function changePosition(actor: SessionUser, id: string, action: PositionAction): Promise<void> {
  if (action.intent === "save") return editPosition(actor, id, action);
  return setPositionStatus(actor, id, action.intent === "close" ? "closed" : "open");
}

async function editPosition(actor: SessionUser, id: string, data: PositionData): Promise<void> {
  await refuseUnknownKit(data.kitId);
  await refuseUnknownRecruiter(data.recruiterId);
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
}

async function setPositionStatus(actor: SessionUser, id: string, status: "open" | "closed"): Promise<void> {
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
