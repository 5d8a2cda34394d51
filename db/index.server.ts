import path from "node:path";
import { Kysely, sql } from "kysely";
import postgres from "postgres";
import type { PGlite } from "@electric-sql/pglite";
import { PGliteDialect, PGliteKysely } from "./pglite-dialect";
import { lockDataDir } from "./data-dir-lock";
import { RecoveringPostgresDialect } from "./postgres-outage";
import type { DB } from "./schema";

export type Dialect = "pglite" | "postgres";
// pglite: the embedded instance itself, for the job queue's own SQL (app/jobs/pglite-boss.server.ts).
export type Database = {
  db: Kysely<DB>;
  dialect: Dialect;
  dataDir: string | null;
  pglite?: PGlite;
  close(): Promise<void>;
};

const INT8 = 20;
const NUMERIC = 1700;
const JSON_OID = 114;
const JSONB_OID = 3802;
const jsonText = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

export class DatabaseUnavailableError extends Error {}

// The parsed settings the connection needs (app/env.server.ts parses them; db/ does not read env).
export type DatabaseSettings = {
  DATABASE_URL?: string;
  PGLITE_DIR?: string;
  DATABASE_POOL_SIZE: number;
  DATABASE_TIMEOUT_MS: number;
};
type Limits = { poolSize?: number; timeoutMs?: number };

export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    // Still name it so the operator sees what is wrong; mask up to the last "@" to be safe.
    return url.replace(/\/\/([^:/@]*):.*@/, "//$1:****@");
  }
}

// Counts and bigserial ids as numbers on both drivers, so queries behave the same on each.
export async function openPostgres(url: string, { poolSize = 10, timeoutMs = 15_000 }: Limits = {}): Promise<Database> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUnavailableError(`DATABASE_URL is not a valid URL: ${maskUrl(url)}`);
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new DatabaseUnavailableError(`DATABASE_URL must start with postgres:// (got ${maskUrl(url)})`);
  }
  // Every statement has a deadline (a request waiting on a lock or a lost connection is a 503,
  // not a hang): PostgreSQL cancels it at DATABASE_TIMEOUT_MS, our driver gives up 2 s later.
  const connect = () =>
    postgres(url, {
      max: poolSize,
      connection: { statement_timeout: timeoutMs },
      onnotice: () => {},
      connect_timeout: 10,
      types: {
        bigint: {
          to: INT8,
          from: [INT8, NUMERIC],
          serialize: (v: number) => String(v),
          parse: (v: string) => Number(v),
        },
        // JSON columns are written as JSON text (see Json<> in schema.ts); postgres.js would
        // stringify that text a second time and store a JSON string instead of the object.
        json: { to: JSON_OID, from: [JSON_OID], serialize: jsonText, parse: (v: string) => JSON.parse(v) },
        jsonb: { to: JSONB_OID, from: [JSONB_OID], serialize: jsonText, parse: (v: string) => JSON.parse(v) },
      },
    });
  const client = connect();
  const db = new Kysely<DB>({ dialect: new RecoveringPostgresDialect(client, connect, timeoutMs + 2_000) });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseUnavailableError(`Cannot reach the database at ${maskUrl(url)}: ${(error as Error).message}`);
  }
  return { db, dialect: "postgres", dataDir: null, close: () => db.destroy() };
}

export async function openPglite(dataDir: string | null, { timeoutMs = 15_000 }: Limits = {}): Promise<Database> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    // Postgres wants its own empty folder: our lock and secret files sit beside it.
    const pgdata = dataDir ? path.join(dataDir, "pgdata") : undefined;
    // Loaded only when used: importing PGlite costs about 40 MB, wasted on a PostgreSQL instance.
    const { PGlite } = await import("@electric-sql/pglite");
    const pglite = await PGlite.create(pgdata, { parsers: pgliteParsers });
    return wrapPglite(pglite, dataDir, unlock, timeoutMs);
  } catch (error) {
    unlock();
    throw error;
  }
}

export const pgliteParsers = { [INT8]: Number, [NUMERIC]: Number };

export function wrapPglite(
  pglite: PGlite,
  dataDir: string | null,
  unlock: () => void = () => {},
  timeoutMs = 15_000,
): Database {
  const db: Kysely<DB> = new PGliteKysely<DB>({ dialect: new PGliteDialect(pglite, timeoutMs) });
  return {
    db,
    dialect: "pglite",
    dataDir,
    pglite,
    close: async () => {
      await db.destroy();
      // Kysely skips the driver's destroy when no query ever ran: close PGlite ourselves.
      if (!pglite.closed) await pglite.close();
      unlock();
    },
  };
}

export function dataDirOf(settings: Pick<DatabaseSettings, "PGLITE_DIR">): string {
  return path.resolve(settings.PGLITE_DIR ?? "data/pglite");
}

export async function openConfiguredDatabase(settings: DatabaseSettings): Promise<Database> {
  const limits = { poolSize: settings.DATABASE_POOL_SIZE, timeoutMs: settings.DATABASE_TIMEOUT_MS };
  return settings.DATABASE_URL ? openPostgres(settings.DATABASE_URL, limits) : openPglite(dataDirOf(settings), limits);
}

// One instance per process. It lives on globalThis so the Remix bundle, the server entry and
// a dev rebuild all share it rather than opening the PGlite folder twice.
const holder = globalThis as unknown as { __panelDatabase?: Database };

export function setDatabase(database: Database | undefined): void {
  holder.__panelDatabase = database;
}

export function getDatabase(): Database {
  const database = holder.__panelDatabase;
  if (!database) throw new Error("The database is not open: call setDatabase() at start-up");
  return database;
}

export function getDb(): Kysely<DB> {
  return getDatabase().db;
}

export async function pingDatabase(): Promise<{ ok: boolean; dialect: Dialect }> {
  const database = getDatabase();
  try {
    await sql`select 1`.execute(database.db);
    return { ok: true, dialect: database.dialect };
  } catch {
    return { ok: false, dialect: database.dialect };
  }
}
