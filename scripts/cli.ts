import { openConfiguredDatabase, type Database } from "../db/index.server";
import { migrateToLatest } from "../db/migrate";
import { getSettings } from "../app/env.server";

// Command-line tools open the configured database the way the server does (respecting the
// PGlite folder lock) and turn known failures into one line and exit code 2.
export async function withDatabase<T>(work: (database: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(getSettings());
  try {
    await migrateToLatest(database.db);
    return await work(database);
  } finally {
    await database.close();
  }
}

export function exitWith(message: string, code = 2): never {
  process.stderr.write(`${message.split("\n")[0]}\n`);
  process.exit(code);
}
