import { describe, expect, it } from "vitest";
import { setDatabase } from "~db/index.server";
import * as healthz from "~/routes/healthz";
import { dialects, openTestDatabase, useTestDatabase } from "../../helpers/db";
import { callRoute, request } from "../../helpers/http";

describe.each(dialects())("GET /healthz on %s", (dialect) => {
  useTestDatabase(dialect);

  it("answers 200 with the dialect after pinging the database", async () => {
    const response = await callRoute(healthz.loader, request("/healthz"));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toEqual({ ok: true, db: dialect });
  });

  it("answers 503 when the database is down", async () => {
    const doomed = await openTestDatabase(dialect);
    setDatabase(doomed);
    await doomed.close();
    const response = await callRoute(healthz.loader, request("/healthz"));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ ok: false, db: dialect });
  });
});
