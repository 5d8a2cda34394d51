import { getDb } from "~db/index.server";
import type { Kysely } from "kysely";
import type { Conn, DB } from "~db/schema";
import { appendAudit } from "~db/queries/audit";
import { insertKitVersion, listKitHistory } from "~db/queries/kits";
import type { SessionUser } from "~db/queries/users";
import { DomainError } from "~/errors.server";
import { currentKit, listCurrentKits } from "~/scorecards/kits.server";
import { checkTemplates, templateFiles } from "~/scorecards/templates.server";
import { kitSchema, type Kit } from "~/scorecards/templates.schema";
import { isUniqueViolation } from "~/startup/once.server";
import { formOfKit, kitFromForm, type KitFormData } from "./kit-form.schema";
import { kitAsYaml } from "./kit.schema";

// Question kits edited in the browser: every save is a new version, and scorecards written against
// an older one keep it.

export async function kitIndex() {
  const kits = await listCurrentKits(getDb());
  const fileVersion = (id: string) => templateFiles().kitById(id)?.version;
  return {
    checks: checkTemplates(),
    kits: kits.map(({ kit, version }) => {
      const file = fileVersion(kit.id);
      return {
        id: kit.id,
        title: kit.title,
        version,
        questions: kit.questions.length,
        origin: file === undefined ? "Created in Panel" : version > file ? "Edited in Panel" : "templates/",
      };
    }),
  };
}

// What both kit pages (the overview and the form) show.
export async function kitPage(kitId: string) {
  const db = getDb();
  const { kit, version } = await currentKit(db, kitId);
  return {
    id: kit.id,
    title: kit.title,
    version,
    questions: kit.questions.map(({ id, prompt, timeBoxMinutes }) => ({ id, prompt, timeBoxMinutes })),
    form: formOfKit(kit, version),
    yaml: kitAsYaml(kit),
    history: await listKitHistory(db, kit.id),
    fileVersion: templateFiles().kitById(kit.id)?.version ?? null,
  };
}

// The form's save: its fields were checked by kitFormSchema, the kit is checked by kitSchema.
export async function saveKit(actor: SessionUser, kitId: string, data: KitFormData): Promise<number> {
  if (data.id !== kitId)
    throw new DomainError("invalid", "Kit id cannot change", {
      fields: { id: `Kit id: must stay "${kitId}"; duplicate the kit to start a new one` },
    });
  const db = getDb();
  const current = await currentKit(db, kitId);
  if (current.version !== data.baseVersion)
    throw new DomainError(
      "conflict",
      `Someone saved version ${current.version} while you were editing version ${data.baseVersion}: reload to see it`,
    );
  const kit = checked(kitFromForm(current.version + 1, data));
  await storeVersion(db, actor, kit, "kit.edit", {
    before: { version: current.version, title: current.kit.title },
    after: { version: kit.version, title: kit.title },
    changedQuestions: changedQuestions(current.kit, kit),
  });
  return kit.version;
}

// A kit made from scratch (the "New kit" page) or from an imported YAML file.
export async function createKit(actor: SessionUser, data: KitFormData): Promise<string> {
  const db = getDb();
  await refuseTakenId(db, data.id);
  const kit = checked(kitFromForm(1, data));
  await storeVersion(db, actor, kit, "kit.create", {
    before: null,
    after: { id: kit.id, title: kit.title, version: 1 },
  });
  return kit.id;
}

// One click: the copy gets a free id and "Copy of …" at once, and opens for editing.
export async function duplicateKit(actor: SessionUser, sourceId: string): Promise<string> {
  const db = getDb();
  const source = await currentKit(db, sourceId);
  const taken = new Set((await listCurrentKits(db)).map(({ kit }) => kit.id));
  const id = freeId(`${sourceId}-copy`, taken);
  const kit = { ...source.kit, id, title: `Copy of ${source.kit.title}`, version: 1 };
  await storeVersion(db, actor, kit, "kit.duplicate", {
    before: null,
    after: { id, title: kit.title, version: 1, copiedFrom: { id: sourceId, version: source.version } },
  });
  return id;
}

function freeId(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

async function refuseTakenId(db: Conn, id: string) {
  if ((await listCurrentKits(db)).some(({ kit }) => kit.id === id)) throw takenId(id);
}

const takenId = (id: string) =>
  new DomainError("conflict", `A kit with the id "${id}" exists already`, {
    fields: { id: `Kit id: a kit with the id "${id}" exists already` },
  });

function checked(kit: Kit): Kit {
  const result = kitSchema.safeParse(kit);
  if (!result.success) throw new DomainError("invalid", result.error.issues[0].message);
  return result.data;
}

function changedQuestions(before: Kit, after: Kit): string[] {
  const old = new Map(before.questions.map((q) => [q.id, JSON.stringify(q)]));
  const ids = new Set([...before.questions.map((q) => q.id), ...after.questions.map((q) => q.id)]);
  return [...ids].filter((id) => old.get(id) !== JSON.stringify(after.questions.find((q) => q.id === id)));
}

async function storeVersion(
  db: Kysely<DB>,
  actor: SessionUser,
  kit: Kit,
  action: string,
  details: Record<string, unknown>,
) {
  try {
    await db.transaction().execute(async (tx) => {
      await insertKitVersion(tx, { kitId: kit.id, version: kit.version, content: kit, createdBy: actor.id });
      await appendAudit(tx, { actorId: actor.id, action, subjectType: "kit", subjectId: kit.id, details });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    if (kit.version === 1) throw takenId(kit.id);
    throw new DomainError("conflict", "Someone saved a new version at the same moment: reload to see it");
  }
}
