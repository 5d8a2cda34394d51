import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { dumpMigratedPglite } from "./pglite-template";

// Builds the migrated PGlite template once for the whole integration run (see pglite-template.ts).
export default async function setup(project: TestProject) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "panel-template-"));
  const file = path.join(dir, "pglite-template.tar");
  await fs.writeFile(file, Buffer.from(await (await dumpMigratedPglite()).arrayBuffer()));
  project.provide("pgliteTemplate", file);
  return () => fs.rm(dir, { recursive: true, force: true });
}
