import type { Conn } from "../schema";

export async function latestKitVersion(db: Conn, kitId: string) {
  return db
    .selectFrom("kit_versions")
    .select(["kit_id", "version", "content", "created_at"])
    .where("kit_id", "=", kitId)
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
}

export async function findKitVersion(db: Conn, kitId: string, version: number) {
  return db
    .selectFrom("kit_versions")
    .select(["kit_id", "version", "content", "created_at"])
    .where("kit_id", "=", kitId)
    .where("version", "=", version)
    .executeTakeFirst();
}

// The newest stored version of every kit edited or created in the browser.
export async function listLatestKitVersions(db: Conn) {
  return db
    .selectFrom("kit_versions")
    .distinctOn("kit_id")
    .select(["kit_id", "version", "content", "created_at"])
    .orderBy("kit_id")
    .orderBy("version", "desc")
    .execute();
}

export async function listKitHistory(db: Conn, kitId: string) {
  return db
    .selectFrom("kit_versions")
    .innerJoin("users", "users.id", "kit_versions.created_by")
    .select(["kit_versions.version", "kit_versions.created_at", "users.name as author"])
    .where("kit_versions.kit_id", "=", kitId)
    .orderBy("kit_versions.version", "desc")
    .execute();
}

export async function insertKitVersion(
  db: Conn,
  row: { kitId: string; version: number; content: unknown; createdBy: string },
) {
  await db
    .insertInto("kit_versions")
    .values({
      kit_id: row.kitId,
      version: row.version,
      content: JSON.stringify(row.content),
      created_by: row.createdBy,
    })
    .execute();
}
