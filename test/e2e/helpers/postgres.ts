import crypto from "node:crypto";
import postgres from "postgres";
import { openTestDatabase, type TestDatabase } from "../../helpers/db";
import { startServer, type RunningServer } from "./server";

// Built servers on a fresh, uniquely named PostgreSQL database of TEST_DATABASE_URL's server.
// The database is dropped afterwards; the shared server itself is never stopped or reconfigured.

export const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);

export type PostgresCluster = {
  database: TestDatabase;
  name: string;
  secret: string;
  servers: RunningServer[];
  start(env?: Record<string, string>): Promise<RunningServer>;
  // Runs SQL as the server's admin connection (never inside the test database).
  admin<T>(work: (sql: postgres.Sql) => Promise<T>): Promise<T>;
  stop(): Promise<void>;
};

export async function openPostgresCluster(): Promise<PostgresCluster> {
  const database = await openTestDatabase("postgres");
  const name = new URL(database.url!).pathname.slice(1);
  // One secret for every instance: a cookie signed by one must be read by the others.
  const secret = crypto.randomBytes(32).toString("hex");
  const servers: RunningServer[] = [];
  const admin = async <T>(work: (sql: postgres.Sql) => Promise<T>) => {
    const sql = postgres(process.env.TEST_DATABASE_URL!, { max: 1, onnotice: () => {} });
    try {
      return await work(sql);
    } finally {
      await sql.end({ timeout: 5 });
    }
  };
  return {
    database,
    name,
    secret,
    servers,
    admin,
    async start(env = {}) {
      const server = await startServer({ DATABASE_URL: database.url!, SESSION_SECRET: secret, ...env });
      servers.push(server);
      return server;
    },
    async stop() {
      await Promise.all(servers.map((s) => s.stop()));
      await admin((sql) => sql.unsafe(`alter database "${name}" allow_connections true`)).catch(() => {});
      await database.close();
    },
  };
}

// Sign in through the real form post; gives back the Cookie header value.
export async function signInOver(url: string, email: string, password: string): Promise<string> {
  const response = await fetch(`${url}/login`, {
    method: "POST",
    headers: { Origin: url, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
    redirect: "manual",
  });
  if (response.status !== 302) throw new Error(`Sign-in as ${email} answered ${response.status}`);
  return response.headers.get("set-cookie")!.split(";")[0];
}
