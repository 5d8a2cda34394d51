import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectPageErrors, openPage, useBrowser } from "./helpers/browser";
import { freePort } from "./helpers/server";

// `npm run dev` in a copy of the app (the repository's own files are never edited by a test):
// the login page is served, its route file is edited, and both a fresh request and the page
// already open in Chromium (LiveReload) show the new text. The first dev build of the whole app
// takes a minute or more on a loaded two-core machine, hence the long waits.
const root = path.resolve(import.meta.dirname, "../..");
const COPIED = ["app", "db", "templates", "scripts", "server.ts", "remix.config.js", "remix.env.d.ts", "tsconfig.json"];
const START_MS = 240_000;
const RELOAD_MS = 120_000;
const LEAD = "Interview scorecards and hiring-committee packets.";
const EDITED = "Edited while npm run dev was running.";

function copyApp(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "panel-dev-loop-"));
  for (const entry of COPIED) fs.cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true });
  // package.json for the script itself; the public folder without a build of the repository's own.
  fs.copyFileSync(path.join(root, "package.json"), path.join(dir, "package.json"));
  fs.cpSync(path.join(root, "public"), path.join(dir, "public"), {
    recursive: true,
    filter: (source) => !source.startsWith(path.join(root, "public", "build")),
  });
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  return dir;
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs: number, output: () => string) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${what} within ${timeoutMs} ms. npm run dev said:\n${output()}`);
}

describe("npm run dev", () => {
  const chromium = useBrowser();
  let dir: string;
  let child: ChildProcess;
  let output = "";
  let url: string;
  let exited: Promise<void>;

  beforeAll(async () => {
    dir = copyApp();
    const port = await freePort();
    const devPort = await freePort();
    url = `http://127.0.0.1:${port}`;
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    child = spawn("npm", ["run", "dev", "--", "--port", String(devPort)], {
      cwd: dir,
      env: { ...inherited, NODE_ENV: "development", PORT: String(port), PGLITE_DIR: path.join(dir, "data") },
      detached: true, // its own process group: npm, the dev server and the app server end together
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.stdout!.on("data", (chunk) => (output += chunk));
    child.stderr!.on("data", (chunk) => (output += chunk));
    exited = new Promise((resolve) => child.once("exit", () => resolve()));
    await waitFor(
      "The login page was not served",
      async () => (await (await fetch(`${url}/login`)).text()).includes(LEAD),
      START_MS,
      () => output,
    );
  }, START_MS + 30_000);

  afterAll(async () => {
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid, "SIGTERM");
      const killer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 5_000);
      await exited;
      clearTimeout(killer);
    }
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it(
    "serves an edited route without a restart, and the open page reloads itself",
    async () => {
      const page = await openPage(chromium.browser);
      const errors = collectPageErrors(page);
      // LiveReload's socket to the dev server: the page hears of the rebuild through it.
      const socket = page.waitForEvent("websocket", { timeout: RELOAD_MS });
      await page.goto(`${url}/login`);
      await page.getByText(LEAD).waitFor();
      await socket;

      const route = path.join(dir, "app/routes/login.tsx");
      const source = fs.readFileSync(route, "utf8");
      expect(source).toContain(LEAD);
      fs.writeFileSync(route, source.replace(LEAD, EDITED));

      await waitFor(
        "The edited text was not served",
        async () => (await (await fetch(`${url}/login`)).text()).includes(EDITED),
        RELOAD_MS,
        () => output,
      );
      await page.getByText(EDITED).waitFor({ timeout: RELOAD_MS });
      expect(errors).toEqual([]);
      await page.context().close();
    },
    2 * RELOAD_MS + 30_000,
  );
});
