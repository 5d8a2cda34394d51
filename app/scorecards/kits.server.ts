import type { Conn } from "~db/schema";
import { findKitVersion, latestKitVersion, listLatestKitVersions } from "~db/queries/kits";
import { DomainError } from "~/errors.server";
import { getTemplates, parseKit } from "./templates.server";
import type { Kit } from "./templates.schema";

export type VersionedKit = { kit: Kit; version: number };

// A kit's file in templates/ is its base version; every edit made in the browser is a newer
// row in kit_versions. A file whose version is bumped past the stored edits wins again, so a
// developer's update is never shadowed by an old browser edit.

function stored(row: { kit_id: string; version: number; content: unknown }): VersionedKit {
  const kit = parseKit(row.content, `kit_versions ${row.kit_id} v${row.version}`);
  return { kit: { ...kit, version: row.version }, version: row.version };
}

function fromFile(kitId: string): VersionedKit | undefined {
  const kit = getTemplates().kitById(kitId);
  return kit ? { kit, version: kit.version } : undefined;
}

export async function currentKit(db: Conn, kitId: string): Promise<VersionedKit> {
  const file = fromFile(kitId);
  const row = await latestKitVersion(db, kitId);
  if (row && (!file || row.version > file.version)) return stored(row);
  if (!file) throw new DomainError("not-found", `Question kit "${kitId}" does not exist`);
  return file;
}

// A scorecard keeps the version it was written against; an edit later never changes it.
export async function kitAtVersion(db: Conn, kitId: string, version: number): Promise<VersionedKit> {
  const file = fromFile(kitId);
  if (file?.version === version) return file;
  const row = await findKitVersion(db, kitId, version);
  if (row) return stored(row);
  // A version from a template file that has since been bumped: the file is all that is left.
  if (file) return file;
  throw new DomainError("not-found", `Question kit "${kitId}" version ${version} does not exist`);
}

// Every kit a position may use: the templates, plus kits created in the browser.
export async function listCurrentKits(db: Conn): Promise<VersionedKit[]> {
  const rows = await listLatestKitVersions(db);
  const byId = new Map(getTemplates().kits.map((kit) => [kit.id, { kit, version: kit.version }]));
  for (const row of rows) {
    const file = byId.get(row.kit_id);
    if (!file || row.version > file.version) byId.set(row.kit_id, stored(row));
  }
  return [...byId.values()].sort((a, b) => a.kit.title.localeCompare(b.kit.title));
}
