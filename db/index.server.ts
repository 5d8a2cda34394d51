import path from "node:path";
import { Kysely, sql, type CompiledQuery, type QueryResult } from "kysely";
import { PostgresJSDialect } from "kysely-postgres-js";
import postgres from "postgres";
import { PGlite } from "@electric-sql/pglite";
import { PGliteDialect } from "./pglite-dialect";
import { lockDataDir } from "./data-dir-lock";
import type { DB } from "./schema";

export type Dialect = "pglite" | "postgres";
export type Database = { db: Kysely<DB>; dialect: Dialect; dataDir: string | null; close(): Promise<void> };

const INT8 = 20;
const NUMERIC = 1700;
const JSON_OID = 114;
const JSONB_OID = 3802;
const jsonText = (v: unknown) => (typeof v === "string" ? v : JSON.stringify(v));

export class DatabaseUnavailableError extends Error {}

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
export async function openPostgres(url: string): Promise<Database> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new DatabaseUnavailableError(`DATABASE_URL is not a valid URL: ${maskUrl(url)}`);
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new DatabaseUnavailableError(`DATABASE_URL must start with postgres:// (got ${maskUrl(url)})`);
  }
  const client = postgres(url, {
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    onnotice: () => {},
    connect_timeout: 10,
    types: {
      bigint: { to: INT8, from: [INT8, NUMERIC], serialize: (v: number) => String(v), parse: (v: string) => Number(v) },
      // JSON columns are written as JSON text (see Json<> in schema.ts); postgres.js would
      // stringify that text a second time and store a JSON string instead of the object.
      json: { to: JSON_OID, from: [JSON_OID], serialize: jsonText, parse: (v: string) => JSON.parse(v) },
      jsonb: { to: JSONB_OID, from: [JSONB_OID], serialize: jsonText, parse: (v: string) => JSON.parse(v) },
    },
  });
  const db = new Kysely<DB>({ dialect: new OutageAwarePostgresDialect({ postgres: client }) });
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseUnavailableError(`Cannot reach the database at ${maskUrl(url)}: ${(error as Error).message}`);
  }
  return { db, dialect: "postgres", dataDir: null, close: () => db.destroy() };
}

// The connection lost while the app runs (the server restarting, a failover): every query then
// throws a 503 Response, which Remix turns into the "Temporarily unavailable" page (or a 503 for
// fetch and resource routes) instead of a 500, and postgres.js reconnects by itself once the
// database is back. Remix v2 maps only thrown Responses to a status, hence a Response here
// (docs/decisions/004-database-outage-503.md).
export const DATABASE_DOWN_MESSAGE =
  "The database is temporarily unavailable. Nothing you typed is lost: it is kept in this browser. Try again in a moment.";

const CONNECTION_LOSS = /^(08|57P0[123]|CONNECTION_|CONNECT_TIMEOUT|ECONN|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENOTFOUND)/;

let outageLogged = false;
function databaseDown(error: unknown): Response {
  if (!outageLogged) console.warn(`panel: database unreachable, answering 503 until it is back (${(error as Error).message})`);
  outageLogged = true;
  return new Response(DATABASE_DOWN_MESSAGE, { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8", "Retry-After": "5" } });
}

class OutageAwarePostgresDialect extends PostgresJSDialect {
  override createDriver() {
    const driver = super.createDriver();
    const acquire = driver.acquireConnection.bind(driver);
    // Reserving a connection fails only when none can be made; a query fails this way only on a
    // connection-class error (SQLSTATE 08xxx, 57P01-03, or the socket itself).
    driver.acquireConnection = async () => {
      const connection = await acquire().catch((error: unknown) => {
        throw databaseDown(error);
      });
      const execute = connection.executeQuery.bind(connection) as typeof connection.executeQuery;
      connection.executeQuery = async <R>(query: CompiledQuery): Promise<QueryResult<R>> => {
        try {
          const result = await execute<R>(query);
          if (outageLogged) console.log("panel: database reachable again");
          outageLogged = false;
          return result;
        } catch (error) {
          throw CONNECTION_LOSS.test(String((error as { code?: unknown }).code ?? "")) ? databaseDown(error) : error;
        }
      };
      return connection;
    };
    return driver;
  }
}

export async function openPglite(dataDir: string | null): Promise<Database> {
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    // Postgres wants its own empty folder: our lock and secret files sit beside it.
    const pgdata = dataDir ? path.join(dataDir, "pgdata") : undefined;
    const pglite = await PGlite.create(pgdata, { parsers: pgliteParsers });
    return wrapPglite(pglite, dataDir, unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

export const pgliteParsers = { [INT8]: Number, [NUMERIC]: Number };

export function wrapPglite(pglite: PGlite, dataDir: string | null, unlock: () => void = () => {}): Database {
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    dialect: "pglite",
    dataDir,
    close: async () => {
      await db.destroy();
      // Kysely skips the driver's destroy when no query ever ran: close PGlite ourselves.
      if (!pglite.closed) await pglite.close();
      unlock();
    },
  };
}

export function defaultDataDir(): string {
  return path.resolve(process.env.PGLITE_DIR ?? "data/pglite");
}

export async function openConfiguredDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  return url ? openPostgres(url) : openPglite(defaultDataDir());
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
