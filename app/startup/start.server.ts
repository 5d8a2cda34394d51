import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { openConfiguredDatabase, setDatabase, type Database } from "~db/index.server";
import { migrateToLatest } from "~db/migrate";
import { useSettings, type Env } from "~/env.server";
import { syncSavedTemplates } from "~/kits/template-versions.server";
import { getTemplates } from "~/scorecards/templates.server";
import { prepareEmptyDatabase } from "./first-admin.server";

// Demo mode keeps a random secret beside its data, never a constant baked into the code.
function sessionSecretFor(env: Env, database: Database): string {
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  if (!database.dataDir) return crypto.randomBytes(32).toString("hex");
  const file = path.join(database.dataDir, "session-secret");
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(32).toString("hex"), { mode: 0o600 });
  return fs.readFileSync(file, "utf8").trim();
}

export async function startPanel(env: Env, log: (line: string) => void = console.log): Promise<Database> {
  getTemplates(); // a broken template stops start-up before anything listens
  const database = await openConfiguredDatabase(env);
  try {
    await migrateToLatest(database.db);
    useSettings({ ...env, SESSION_SECRET: sessionSecretFor(env, database) });
    setDatabase(database);
    await syncSavedTemplates(database.db); // the rubric and taxonomy as last saved in the browser
    await prepareEmptyDatabase(database.db, env, log);
    return database;
  } catch (error) {
    await database.close();
    throw error;
  }
}
