import http from "node:http";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import buildIfStale from "../e2e/global-setup";
import { startServer, type RunningServer } from "../e2e/helpers/server";
import { DEMO_PASSWORD } from "~/startup/demo-data.server";
import { SCORECARD_BODY_BYTES } from "~/scorecards/scorecard.schema";
import { MAX_IMPORT_BYTES } from "~/candidates/csv-import.schema";

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

const signInForm = () =>
  new URLSearchParams({ email: "interviewer@example.com", password: DEMO_PASSWORD, redirectTo: "/" });
const post = (path: string, headers: Record<string, string>, body: URLSearchParams = signInForm()) =>
  fetch(`${server.url}${path}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
    body,
    redirect: "manual",
  });

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
      const response = await fetch(`${server.url}/logout`, {
        method,
        headers: { Origin: "https://evil.example" },
        redirect: "manual",
      });
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
  const scriptSrc = (csp: string) =>
    csp
      .split(";")
      .map((d) => d.trim())
      .find((d) => d.startsWith("script-src")) ?? "";

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
    const paths = [
      "/healthz",
      "/",
      "/no-such-page",
      "/interviews/00000000-0000-4000-8000-000000000000/scorecard.md",
      "/favicon.ico",
    ];
    for (const path of paths) {
      const response = await fetch(`${server.url}${path}`, { redirect: "manual" });
      expectHardened(response, path);
    }
    const refused = await post("/login", { Origin: "https://evil.example" });
    expectHardened(refused, "refused cross-site post");
  });
});

describe("request bodies", () => {
  // Sends only the headers of a POST declaring `length` bytes and gives back the raw answer
  // (the server closes the connection after refusing, or we stop waiting after 2 s).
  const declareOnly = (path: string, length: number) =>
    new Promise<string>((resolve, reject) => {
      const { port } = new URL(server.url);
      const socket = net.connect(Number(port), "127.0.0.1", () => {
        socket.write(
          `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${server.url}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${length}\r\n\r\n`,
        );
      });
      let text = "";
      const done = () => {
        socket.destroy();
        resolve(text);
      };
      const timer = setTimeout(done, 2_000);
      socket.on("data", (chunk) => (text += chunk));
      socket.on("close", () => {
        clearTimeout(timer);
        resolve(text);
      });
      socket.on("error", reject);
    });
  const big = (bytes: number) => new URLSearchParams({ email: "a@example.test", password: "x".repeat(bytes) });

  it("refuses an oversized form before reading it, with a clear 413", async () => {
    const response = await post("/login", { Origin: server.url }, big(2_000_000));
    expect(response.status).toBe(413);
    expect(await response.text()).toBe("The request is too large: a form may send at most 1 MB.");
  });

  it("refuses a declared 100 MB body without waiting for it", async () => {
    // Only the headers are sent: an answer proves nothing was read.
    expect(await declareOnly("/login", 100_000_000)).toMatch(/^HTTP\/1\.1 413 /);
  });

  it("refuses a chunked body that does not state its length", async () => {
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("email=a%40example.test&password=x"));
        controller.close();
      },
    });
    const response = await fetch(`${server.url}/login`, {
      method: "POST",
      headers: { Origin: server.url, "Content-Type": "application/x-www-form-urlencoded" },
      body: stream,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(411);
  });

  it("takes the largest scorecard the schema allows on the scorecard's endpoint, and the CSV import's stated limit", async () => {
    const interview = "00000000-0000-4000-8000-000000000000";
    const fits = await fetch(`${server.url}/interviews/${interview}/scorecard`, {
      method: "POST",
      headers: { Origin: server.url, "Content-Type": "application/json" },
      body: JSON.stringify({ intent: "save", content: "x".repeat(SCORECARD_BODY_BYTES - 100), baseVersion: 1 }),
      redirect: "manual",
    });
    expect(fits.status).not.toBe(413); // read, then refused for want of a session
    expect(await declareOnly(`/interviews/${interview}/scorecard`, SCORECARD_BODY_BYTES + 1)).toMatch(
      /^HTTP\/1\.1 413 /,
    );
    expect(await declareOnly("/candidates/import", MAX_IMPORT_BYTES + 1_000_001)).toMatch(
      /a candidate import may send at most 2 MB/,
    );
    expect(await declareOnly("/candidates/import", MAX_IMPORT_BYTES + 999_999)).not.toMatch(/^HTTP\/1\.1 413 /);
  });

  it("still answers health checks at once after a burst of oversized posts", async () => {
    await Promise.all(Array.from({ length: 4 }, () => declareOnly("/login", 100_000_000)));
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe("the origin check without PUBLIC_URL", () => {
  it("compares scheme and port too, not only the host name", async () => {
    const { hostname, port } = new URL(server.url);
    expect((await post("/login", { Origin: `https://${hostname}:${port}` })).status).toBe(403);
    expect((await post("/login", { Origin: `http://${hostname}:${Number(port) + 1}` })).status).toBe(403);
    expect((await post("/login", { Origin: `http://${hostname}` })).status).toBe(403);
    expect((await post("/login", { Origin: server.url })).status).toBe(302);
  });

  it("sends a Permissions-Policy, and no HSTS while the public URL is plain http", async () => {
    const page = await fetch(`${server.url}/login`);
    expect(page.headers.get("permissions-policy")).toMatch(/camera=\(\)/);
    expect(page.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("behind https (PUBLIC_URL https://panel.example.test)", () => {
  const PUBLIC = "https://panel.example.test";
  let https: RunningServer;
  beforeAll(async () => {
    https = await startServer({ PUBLIC_URL: PUBLIC, INSECURE_COOKIES: "0" });
  }, 240_000);
  afterAll(async () => {
    await https?.stop();
  });
  // As the load balancer forwards it: the public Host, over plain http (fetch cannot set Host).
  const postTo = (origin: string) =>
    new Promise<{ status: number; cookie: string }>((resolve, reject) => {
      const body = signInForm().toString();
      const req = http.request(
        `${https.url}/login`,
        {
          method: "POST",
          headers: {
            Host: "panel.example.test",
            Origin: origin,
            "Content-Type": "application/x-www-form-urlencoded",
            "Content-Length": Buffer.byteLength(body),
          },
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode!, cookie: String(res.headers["set-cookie"] ?? "") }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });

  it("accepts posts only from the configured public origin", async () => {
    expect((await postTo(https.url)).status).toBe(403);
    expect((await postTo("http://panel.example.test")).status).toBe(403);
    expect((await postTo("https://panel.example.test:8443")).status).toBe(403);
    const ok = await postTo(PUBLIC);
    expect(ok.status).toBe(302);
    // A Secure, host-only cookie for the whole site.
    expect(ok.cookie).toMatch(/^__Host-panel_session=[^;]+;.*Path=\/;.*Secure/);
    expect(ok.cookie).not.toMatch(/Domain=/i);
  });

  it("sends HSTS on every answer", async () => {
    const page = await fetch(`${https.url}/login`);
    expect(page.headers.get("strict-transport-security")).toMatch(/max-age=31536000/);
  });
});
