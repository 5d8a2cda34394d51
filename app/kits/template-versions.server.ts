import { getDb } from "~db/index.server";
import type { Conn } from "~db/schema";
import { appendAudit } from "~db/queries/audit";
import {
  insertTemplateVersion,
  latestTemplateVersion,
  latestTemplateVersionNumbers,
  latestTemplateVersions,
  listTemplateHistory,
  type TemplateName,
} from "~db/queries/template-versions";
import type { SessionUser } from "~db/queries/users";
import { DomainError } from "~/errors.server";
import {
  adoptSavedTemplates,
  adoptedTemplateVersions,
  getTemplates,
  parseRedFlagTaxonomy,
  parseRubric,
  TemplateError,
} from "~/scorecards/templates.server";
import { isUniqueViolation } from "~/startup/once.server";
import { toYaml } from "./yaml-import";

// The rubric and the red-flag taxonomy edited in the browser. The files in templates/ are version
// 1 (the seed); each save is a new row, checked like the files when it is read back, and put in
// place for every reader of getTemplates() in this process at once.

const SEED_VERSION = 1;
const SOURCE = { rubric: "templates/rubric.yaml", "red-flags": "templates/red-flags.yaml" } as const;

const versionKey = (rows: { template: string; version: number }[]) =>
  rows.map((r) => `${r.template}:${r.version}`).join(",");

// Before each request: another instance may have saved a template. One small query for the newest
// version numbers; the contents are read and checked again only when they differ from this process's.
export async function refreshSavedTemplates(db: Conn): Promise<void> {
  if (versionKey(await latestTemplateVersionNumbers(db)) !== adoptedTemplateVersions()) await syncSavedTemplates(db);
}

// Called at start-up and after every save: readers see the newest saved version.
export async function syncSavedTemplates(db: Conn): Promise<Record<TemplateName, number>> {
  const rows = await latestTemplateVersions(db);
  const row = (name: TemplateName) => rows.find((r) => r.template === name);
  const rubric = row("rubric");
  const flags = row("red-flags");
  adoptSavedTemplates(
    {
      rubric: rubric && parseRubric(rubric.content, `template_versions rubric v${rubric.version}`),
      redFlags: flags && parseRedFlagTaxonomy(flags.content, `template_versions red-flags v${flags.version}`),
    },
    versionKey(rows),
  );
  return { rubric: rubric?.version ?? SEED_VERSION, "red-flags": flags?.version ?? SEED_VERSION };
}

export async function templatePage(name: TemplateName) {
  const db = getDb();
  const version = (await syncSavedTemplates(db))[name];
  const templates = getTemplates();
  const content = name === "rubric" ? templates.rubric : templates.redFlags;
  return {
    version,
    content,
    yaml: toYaml(content),
    history: await listTemplateHistory(db, name),
    base: { version: SEED_VERSION, source: SOURCE[name] },
  };
}

// `content` was checked by the form's schema; it is checked again as the file would be.
export async function saveTemplate(
  actor: SessionUser,
  name: TemplateName,
  content: unknown,
  baseVersion: number,
): Promise<number> {
  const checked = checkedContent(name, content);
  const db = getDb();
  let version = 0;
  try {
    await db.transaction().execute(async (tx) => {
      const current = (await latestTemplateVersion(tx, name)) ?? SEED_VERSION;
      if (current !== baseVersion)
        throw new DomainError(
          "conflict",
          `Someone saved version ${current} while you were editing version ${baseVersion}: reload to see it`,
        );
      version = current + 1;
      await insertTemplateVersion(tx, { template: name, version, content: checked, createdBy: actor.id });
      await appendAudit(tx, {
        actorId: actor.id,
        action: `${name}.edit`,
        subjectType: "template",
        subjectId: name,
        details: { before: { version: current }, after: { version } },
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new DomainError("conflict", "Someone saved a new version at the same moment: reload to see it");
  }
  await syncSavedTemplates(db);
  return version;
}

// The form's schema let it through; a stored version must also pass the file's schema.
function checkedContent(name: TemplateName, content: unknown) {
  const label = `${name} as saved`;
  try {
    return name === "rubric" ? parseRubric(content, label) : parseRedFlagTaxonomy(content, label);
  } catch (error) {
    if (error instanceof TemplateError) throw new DomainError("invalid", error.message);
    throw error;
  }
}
