import YAML from "yaml";
import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { insertKitVersion } from "~db/queries/kits";
import type { SessionUser } from "~db/queries/users";
import { currentKit, listCurrentKits } from "~/scorecards/kits.server";
import { kitSchema, type Kit } from "~/scorecards/templates.schema";
import type { FieldErrors } from "~/ui/form.server";
import { kitFromForm, type KitFormData } from "./kit-form.schema";
import { readKitYaml } from "./kit.schema";
import { isUniqueViolation } from "~/startup/once.server";

type Outcome = { ok: true; version: number } | { ok: false; errors: FieldErrors };

// The editor shows the kit without its version: Panel numbers versions itself.
export function kitAsYaml(kit: Kit): string {
  const { version: _version, ...rest } = kit;
  return YAML.stringify(rest, { lineWidth: 0 });
}

function changedQuestions(before: Kit, after: Kit): string[] {
  const old = new Map(before.questions.map((q) => [q.id, JSON.stringify(q)]));
  const ids = new Set([...before.questions.map((q) => q.id), ...after.questions.map((q) => q.id)]);
  return [...ids].filter((id) => old.get(id) !== JSON.stringify(after.questions.find((q) => q.id === id)));
}

// Saving an edit stores a new version; scorecards written against the old one keep it.
export async function saveKitEdit(
  actor: SessionUser,
  kitId: string,
  yaml: string,
  baseVersion: number,
): Promise<Outcome> {
  const read = readKitYaml(yaml);
  if (!read.ok) return { ok: false, errors: { yaml: read.problem } };
  if (read.kit.id !== kitId)
    return { ok: false, errors: { yaml: `id: must stay "${kitId}"; duplicate the kit to start a new one` } };
  return storeKitVersion(actor, kitId, read.kit, baseVersion, "yaml");
}

// The same save from the kit form: its fields are checked by kitFormSchema, the kit by kitSchema.
export async function saveKitForm(actor: SessionUser, kitId: string, data: KitFormData): Promise<Outcome> {
  const checked = kitSchema.safeParse(kitFromForm(kitId, data.baseVersion + 1, data));
  if (!checked.success) return { ok: false, errors: { form: checked.error.issues[0].message } };
  return storeKitVersion(actor, kitId, checked.data, data.baseVersion, "form");
}

async function storeKitVersion(
  actor: SessionUser,
  kitId: string,
  edited: Kit,
  baseVersion: number,
  errorField: string,
): Promise<Outcome> {
  const current = await currentKit(kitId);
  if (current.version !== baseVersion) {
    return {
      ok: false,
      errors: {
        [errorField]: `Someone saved version ${current.version} while you were editing version ${baseVersion}: reload to see it`,
      },
    };
  }
  const version = current.version + 1;
  const kit = { ...edited, version };
  try {
    await getDb()
      .transaction()
      .execute(async (tx) => {
        await insertKitVersion(tx, { kitId, version, content: kit, createdBy: actor.id });
        await appendAudit(tx, {
          actorId: actor.id,
          action: "kit.edit",
          subjectType: "kit",
          subjectId: kitId,
          details: {
            before: { version: current.version, title: current.kit.title },
            after: { version, title: kit.title },
            changedQuestions: changedQuestions(current.kit, kit),
          },
        });
      });
  } catch (error) {
    if (isUniqueViolation(error))
      return {
        ok: false,
        errors: { [errorField]: "Someone saved a new version at the same moment: reload to see it" },
      };
    throw error;
  }
  return { ok: true, version };
}

export async function duplicateKit(
  actor: SessionUser,
  sourceId: string,
  newId: string,
  newTitle: string,
): Promise<{ ok: true } | { ok: false; errors: FieldErrors }> {
  const kits = await listCurrentKits();
  if (kits.some(({ kit }) => kit.id === newId))
    return { ok: false, errors: { newId: `A kit with the id "${newId}" exists already` } };
  const source = await currentKit(sourceId);
  const kit = { ...source.kit, id: newId, title: newTitle, version: 1 };
  try {
    await getDb()
      .transaction()
      .execute(async (tx) => {
        await insertKitVersion(tx, { kitId: newId, version: 1, content: kit, createdBy: actor.id });
        await appendAudit(tx, {
          actorId: actor.id,
          action: "kit.duplicate",
          subjectType: "kit",
          subjectId: newId,
          details: {
            before: null,
            after: { id: newId, title: newTitle, version: 1, copiedFrom: { id: sourceId, version: source.version } },
          },
        });
      });
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, errors: { newId: `A kit with the id "${newId}" exists already` } };
    throw error;
  }
  return { ok: true };
}
