import { afterAll, beforeAll, describe, expect, it } from "vitest";
import buildIfStale from "../e2e/global-setup";
import { startServer, type RunningServer } from "../e2e/helpers/server";
import { DEMO_PASSWORD } from "~/setup/demo-data.server";

// The express layer (helmet, the same-origin check) only exists in the built server, so these
// run against it: `tsx server.ts` on a free loopback port with a fresh PGlite folder.
let server: RunningServer;

beforeAll(async () => {
  buildIfStale();
  server = await startServer();
}, 240_000);
afterAll(async () => {
  await server?.stop();
});

const signInForm = () => new URLSearchParams({ email: "interviewer@example.com", password: DEMO_PASSWORD, redirectTo: "/" });
const post = (path: string, headers: Record<string, string>, body: URLSearchParams = signInForm()) =>
  fetch(`${server.url}${path}`, { method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers }, body, redirect: "manual" });

describe("cross-site requests", () => {
  it("refuses a sign-in posted from another site", async () => {
    const response = await post("/login", { Origin: "https://evil.example" });
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await response.text()).toMatch(/Cross-site request refused/);
  });

  it("refuses a post with neither Origin nor Referer, and one whose Referer is another site", async () => {
    expect((await post("/login", {})).status).toBe(403);
    expect((await post("/login", { Referer: "https://evil.example/form" })).status).toBe(403);
    // A look-alike host that merely starts with ours is another site too.
    expect((await post("/login", { Origin: `${server.url}.evil.example` })).status).toBe(403);
  });

  it("refuses every mutating verb, on resource routes too", async () => {
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const response = await fetch(`${server.url}/logout`, { method, headers: { Origin: "https://evil.example" }, redirect: "manual" });
      expect(response.status, method).toBe(403);
    }
    const autosave = await fetch(`${server.url}/interviews/00000000-0000-4000-8000-000000000000/scorecard`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/json" },
      body: "{}",
    });
    expect(autosave.status).toBe(403);
  });

  it("lets a same-origin sign-in through (by Origin, or by Referer alone)", async () => {
    const byOrigin = await post("/login", { Origin: server.url });
    expect(byOrigin.status).toBe(302);
    expect(byOrigin.headers.get("set-cookie")).toMatch(/^panel_session=/);
    const byReferer = await post("/login", { Referer: `${server.url}/login` });
    expect(byReferer.status).toBe(302);
  });
});

describe("security headers", () => {
  const scriptSrc = (csp: string) => csp.split(";").map((d) => d.trim()).find((d) => d.startsWith("script-src")) ?? "";

  function expectHardened(response: Response, what: string) {
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp, what).not.toBe("");
    expect(scriptSrc(csp), what).toMatch(/'nonce-[A-Za-z0-9+/=]{16,}'/);
    expect(scriptSrc(csp), what).not.toContain("'unsafe-inline'");
    expect(scriptSrc(csp), what).not.toContain("'unsafe-eval'");
    expect(csp, what).toContain("frame-ancestors 'none'");
    expect(csp, what).toContain("form-action 'self'");
    expect(response.headers.get("content-security-policy-report-only"), what).toBeNull();
    expect(response.headers.get("x-content-type-options"), what).toBe("nosniff");
    expect(response.headers.get("referrer-policy"), what).toBe("same-origin");
    expect(response.headers.get("x-frame-options"), what).toBe("DENY");
    expect(response.headers.get("x-powered-by"), what).toBeNull();
  }

  it("puts a fresh nonce on every page and on every script tag of it", async () => {
    const first = await fetch(`${server.url}/login`);
    const second = await fetch(`${server.url}/login`);
    expectHardened(first, "/login");
    const nonceOf = (r: Response) => /'nonce-([^']+)'/.exec(r.headers.get("content-security-policy")!)![1];
    const nonce = nonceOf(first);
    expect(nonceOf(second)).not.toBe(nonce);
    const html = await first.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  });

  it("hardens resource routes, redirects, error pages and static files alike", async () => {
    const paths = ["/healthz", "/", "/no-such-page", "/interviews/00000000-0000-4000-8000-000000000000/scorecard.md", "/favicon.ico"];
    for (const path of paths) {
      const response = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expectHardened(response, path);
    }
    const refused = await post("/login", { Origin: "https://evil.example" });
    expectHardened(refused, "refused cross-site post");
  });
});
