import crypto from "node:crypto";
import { parseEnv, useSettings } from "~/env.server";
import postgres from "postgres";
import type { Kysely } from "kysely";
import { afterAll, beforeAll, beforeEach } from "vitest";
import { openPostgres, setDatabase, type Database, type Dialect } from "~db/index.server";
import { migrateToLatest } from "~db/migrate";
import type { DB } from "~db/schema";
import { seedDemoData } from "~/startup/demo-data.server";
import { cloneMigratedPglite } from "./pglite-template";

// PGlite always; a real PostgreSQL server too when TEST_DATABASE_URL names one.
export function dialects(): Dialect[] {
  return process.env.TEST_DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

function serverUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: PostgreSQL tests need a server");
  return url;
}

async function onServer<T>(work: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(serverUrl(), { max: 1, onnotice: () => {} });
  try {
    return await work(admin);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

// url names a PostgreSQL test database, e.g. for a server process started against it.
export type TestDatabase = Database & { url: string | null };

// Its own database on the server, never assuming what else is there; close() drops it.
async function openPostgresTestDatabase(): Promise<TestDatabase> {
  const name = `panel_test_${crypto.randomBytes(6).toString("hex")}`;
  await onServer((admin) => admin.unsafe(`create database "${name}"`));
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString());
  try {
    await migrateToLatest(database.db);
  } catch (error) {
    await database.close();
    await onServer((admin) => admin.unsafe(`drop database if exists "${name}" with (force)`));
    throw error;
  }
  return {
    ...database,
    url: url.toString(),
    close: async () => {
      await database.close();
      await onServer((admin) => admin.unsafe(`drop database if exists "${name}" with (force)`));
    },
  };
}

// A migrated, empty database of the dialect; the caller must close() it.
export async function openTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  return dialect === "pglite" ? { ...(await cloneMigratedPglite()), url: null } : openPostgresTestDatabase();
}

// Set as the file loads, before any test parses settings of its own from process.env.
process.env.SESSION_SECRET ??= crypto.randomBytes(32).toString("hex");

export type TestDatabaseContext = { readonly db: Kysely<DB>; readonly database: TestDatabase };

// One database per describe block: opened before its tests, installed as the app's database
// (getDb()) before each test, closed afterwards. Read ctx.db inside tests and hooks only.
export function useTestDatabase(dialect: Dialect): TestDatabaseContext {
  let current: TestDatabase | undefined;
  const opened = () => {
    if (!current) throw new Error("The test database is not open yet: use ctx.db inside tests or hooks");
    return current;
  };
  beforeAll(async () => {
    // Settings are parsed once per process: parse again so they hold the secret set above.
    useSettings(parseEnv());
    current = await openTestDatabase(dialect);
    setDatabase(current);
  });
  beforeEach(() => setDatabase(opened()));
  afterAll(async () => {
    setDatabase(undefined);
    await current?.close();
    current = undefined;
  });
  return {
    get db() {
      return opened().db;
    },
    get database() {
      return opened();
    },
  };
}

// The demo position, candidates, interviews and users (password demo-password).
export const seedDemo = (db: Kysely<DB>, now?: Date) => seedDemoData(db, now);
