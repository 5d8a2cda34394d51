import fs from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { inject } from "vitest";
import { wrapPglite, pgliteParsers, type Database } from "~db/index.server";
import { migrateToLatest } from "~db/migrate";

// A new PGlite costs seconds (initdb); loading a dump of a migrated one costs a fraction.
export async function dumpMigratedPglite(): Promise<Blob> {
  const pglite = await PGlite.create({ parsers: pgliteParsers });
  const database = wrapPglite(pglite, null);
  try {
    await migrateToLatest(database.db);
    return await pglite.dumpDataDir("none");
  } finally {
    await database.close();
  }
}

// Vitest runs each file in a fresh process, so the integration project's global setup builds
// the template once per run and hands its path over; elsewhere it is built once per process.
let template: Promise<Blob> | undefined;
function templateDump(): Promise<Blob> {
  const file = inject("pgliteTemplate");
  template ??= file ? fs.readFile(file).then((bytes) => new Blob([bytes])) : dumpMigratedPglite();
  return template;
}

// PGlite's own clone() drops the parsers, so clone by loading the dump with them.
export async function cloneMigratedPglite(): Promise<Database> {
  const pglite = await PGlite.create({ loadDataDir: await templateDump(), parsers: pgliteParsers });
  return wrapPglite(pglite, null);
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate?: string;
  }
}
