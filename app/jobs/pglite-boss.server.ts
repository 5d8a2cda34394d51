import type { Kysely } from "kysely";
import type { PGlite } from "@electric-sql/pglite";
import type { DB } from "~db/schema";

// pg-boss's `db` option: its SQL on our one PGlite connection. Each call holds the dialect's
// mutex (db.connection()) only for one short statement or script, so the app's queries queue
// behind it for milliseconds, never behind a long poll. Scripts without parameters (the queue's
// schema, wrapped in BEGIN/COMMIT) need PGlite's simple-query exec; the rest take parameters.
export function pgliteBossDb(db: Kysely<DB>, pglite: PGlite) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      return db.connection().execute(async () => {
        if (values && values.length > 0) return pglite.query(text, values);
        const results = await pglite.exec(text);
        return results[results.length - 1] ?? { rows: [] };
      });
    },
  };
}
