import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "~/startup/demo-data.server";
import { hasPostgres, openPostgresCluster, signInOver, type PostgresCluster } from "./helpers/postgres";
import type { RunningServer } from "./helpers/server";

// The database goes away under a running app and comes back. On one shared machine the honest
// way is to close this test's own database to connections and end its sessions (never to stop
// the PostgreSQL server others use).
describe.skipIf(!hasPostgres)("the database going down and coming back (PostgreSQL)", () => {
  let cluster: PostgresCluster;
  let server: RunningServer;
  let cookie: string;

  beforeAll(async () => {
    cluster = await openPostgresCluster();
    server = await cluster.start();
    cookie = await signInOver(server.url, "interviewer@example.com", DEMO_PASSWORD);
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  const takeDown = () =>
    cluster.admin(async (sql) => {
      await sql.unsafe(`alter database "${cluster.name}" allow_connections false`);
      await sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = ${cluster.name} and pid <> pg_backend_pid()`;
    });
  const bringBack = () => cluster.admin((sql) => sql.unsafe(`alter database "${cluster.name}" allow_connections true`));
  const get = (path: string) => fetch(`${server.url}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });

  it("answers 503 with a clear page while it is down, then recovers without a restart", async () => {
    const before = await get("/");
    expect(before.status).toBe(200);
    const interviewLink = /href="(\/interviews\/[0-9a-f-]{36})"/.exec(await before.text())?.[1];
    expect(interviewLink).toBeDefined();

    await takeDown();
    try {
      for (const path of ["/", interviewLink!]) {
        const page = await get(path);
        expect(page.status, path).toBe(503);
        expect(page.headers.get("content-type"), path).toMatch(/text\/html/);
        const html = await page.text();
        expect(html, path).toContain("Temporarily unavailable");
        expect(html, path).toMatch(/database|try again/i);
      }
      const health = await fetch(`${server.url}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ ok: false, db: "postgres" });
      // An autosave while down is refused with 503 too, so the page keeps its local copy and retries.
      const save = await fetch(`${server.url}${interviewLink}/scorecard`, {
        method: "POST",
        headers: { Cookie: cookie, Origin: server.url, "Content-Type": "application/json" },
        body: JSON.stringify({ intent: "save", baseVersion: 0, content: {} }),
      });
      expect(save.status).toBe(503);
    } finally {
      await bringBack();
    }

    // postgres.js reconnects on demand: the same process serves again within seconds.
    const deadline = Date.now() + 20_000;
    let healthy = false;
    while (!healthy && Date.now() < deadline) {
      healthy = (await fetch(`${server.url}/healthz`)).status === 200;
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(healthy).toBe(true);
    const after = await get("/");
    expect(after.status).toBe(200);
    expect(await after.text()).toMatch(/<h1>Hello, (<!-- -->)?Priya<\/h1>/);
  });
});
