import type { Conn } from "../schema";

// The rubric and the red-flag taxonomy edited in the browser: one row per saved version; the
// files in templates/ stay the seed (version 1).
export type TemplateName = "rubric" | "red-flags";

export async function latestTemplateVersions(db: Conn) {
  return db
    .selectFrom("template_versions")
    .distinctOn("template")
    .select(["template", "version", "content"])
    .orderBy("template")
    .orderBy("version", "desc")
    .execute();
}

// Only the newest version numbers: cheap enough to ask on every request.
export async function latestTemplateVersionNumbers(db: Conn) {
  return db
    .selectFrom("template_versions")
    .select(["template", (eb) => eb.fn.max("version").as("version")])
    .groupBy("template")
    .orderBy("template")
    .execute();
}

export async function listTemplateHistory(db: Conn, template: TemplateName) {
  return db
    .selectFrom("template_versions")
    .innerJoin("users", "users.id", "template_versions.created_by")
    .select(["template_versions.version", "template_versions.created_at", "users.name as author"])
    .where("template_versions.template", "=", template)
    .orderBy("template_versions.version", "desc")
    .execute();
}

export async function insertTemplateVersion(
  db: Conn,
  row: { template: TemplateName; version: number; content: unknown; createdBy: string },
) {
  await db
    .insertInto("template_versions")
    .values({
      template: row.template,
      version: row.version,
      content: JSON.stringify(row.content),
      created_by: row.createdBy,
    })
    .execute();
}

export async function latestTemplateVersion(db: Conn, template: TemplateName): Promise<number | undefined> {
  const row = await db
    .selectFrom("template_versions")
    .select((eb) => eb.fn.max("version").as("version"))
    .where("template", "=", template)
    .executeTakeFirst();
  return row?.version ?? undefined;
}
