import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { runChild } from "../helpers/run";
import { collectPageErrors, openPage, PHONE, signInAs, signInWithForm, useBrowser } from "./helpers/browser";
import { freePort, useServer } from "./helpers/server";

const root = path.resolve(import.meta.dirname, "../..");
const SHOTS = "/tmp/panel-screenshots";
const NEW = "second-harbor-quill-lantern";

// Strings every build of zxcvbn carries whatever the minifier renames: its recent-year pattern
// and the name of its French keyboard graph.
const ZXCVBN_MARKERS = ["19\\d\\d|200\\d|201\\d|202\\d", '"azerty"'];

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

const fieldError = (page: Page, id: string) => page.locator(`#${id}-error`);

// Issue 13 item 14: the password checker stays on the server; people change and reset passwords.
describe("passwords in the browser", () => {
  const server = useServer();
  const chrome = useBrowser();

  it("keeps zxcvbn and its dictionaries out of the browser bundle", () => {
    const sources = filesUnder(path.join(root, "node_modules/@zxcvbn-ts")).filter((f) => f.endsWith(".mjs"));
    const text = sources.map((f) => fs.readFileSync(f, "utf8")).join("\n");
    for (const marker of ZXCVBN_MARKERS) expect(text, `${marker} is no marker`).toContain(marker);
    const bundle = filesUnder(path.join(root, "public/build")).filter((f) => f.endsWith(".js"));
    expect(bundle.length).toBeGreaterThan(0);
    const leaks = bundle.filter((f) => ZXCVBN_MARKERS.some((m) => fs.readFileSync(f, "utf8").includes(m)));
    expect(leaks.map((f) => path.relative(root, f))).toEqual([]);
  });

  it("refuses to start with a common ADMIN_PASSWORD, in one line that names it", async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "panel-e2e-"));
    try {
      const { DATABASE_URL: _ignored, ...inherited } = process.env;
      const run = await runChild(process.execPath, ["build/server.js"], {
        cwd: root,
        env: {
          ...inherited,
          NODE_ENV: "production",
          PORT: String(await freePort()),
          PGLITE_DIR: dataDir,
          PUBLIC_URL: "https://panel.example.org", // else a warning line comes first
          DEMO_DATA: "0",
          ADMIN_EMAIL: "boss@example.org",
          ADMIN_PASSWORD: "password1234",
        },
      });
      expect(run.code).toBe(1);
      expect(run.stderr.trim()).toMatch(/^panel: Bad configuration: ADMIN_PASSWORD is too common or too easy to guess/);
      expect(run.stderr.trim().split("\n")).toHaveLength(1);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it("a signed-in user changes their password from the user menu", async () => {
    const page = await openPage(chrome.browser);
    const errors = collectPageErrors(page);
    await signInAs(page, server.url, "interviewer2@example.com");
    await page.getByRole("banner").getByRole("link", { name: "Change password" }).click();
    await page.getByRole("heading", { name: "Change your password" }).waitFor();

    const submit = async (current: string, password: string) => {
      await page.getByLabel("Current password").fill(current);
      await page.getByLabel("New password", { exact: true }).fill(password);
      await page.getByLabel("New password again").fill(password);
      await page.getByRole("button", { name: "Change password" }).click();
    };
    await submit("not-the-password", NEW);
    await expect.poll(() => fieldError(page, "current").textContent()).toBe("Current password is not right");
    expect(await page.getByLabel("Current password").getAttribute("aria-invalid")).toBe("true");

    await submit("demo-password", "password1234");
    await expect.poll(() => fieldError(page, "password").textContent()).toMatch(/too common or too easy to guess/);
    expect(await page.getByLabel("New password", { exact: true }).getAttribute("aria-invalid")).toBe("true");
    expect(await fieldError(page, "current").count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/account-password-refused.png`, fullPage: true });

    await submit("demo-password", NEW);
    await page.getByRole("status").filter({ hasText: "Your password is changed" }).waitFor();
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}/account-password-phone.png`, fullPage: true });

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(/\/login/);
    await signInWithForm(page, server.url, "interviewer2@example.com", "demo-password");
    await page.getByText("That email and password do not match an account.").waitFor();
    await signInWithForm(page, server.url, "interviewer2@example.com", NEW);
    await page.waitForURL(`${server.url}/`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("an admin's reset link sets a new password and signs the person in", async () => {
    const admin = await openPage(chrome.browser);
    await signInAs(admin, server.url, "admin@example.com");
    await admin.goto(`${server.url}/admin/people`);
    await admin.getByRole("link", { name: "Dana Ortiz" }).click();
    await admin.getByRole("button", { name: "Reset password" }).click();
    const link = (await admin.getByRole("status").locator("code").textContent())!.trim();
    await admin.context().close();

    const page = await openPage(chrome.browser);
    const errors = collectPageErrors(page);
    await page.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
    await page.getByRole("heading", { name: "Set a new password" }).waitFor();
    await page.getByLabel("New password", { exact: true }).fill("password1234");
    await page.getByLabel("New password again").fill("password1234");
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await expect.poll(() => fieldError(page, "password").textContent()).toMatch(/too common or too easy to guess/);
    await page.screenshot({ path: `${SHOTS}/password-reset-refused.png`, fullPage: true });
    await page.getByLabel("New password", { exact: true }).fill(NEW);
    await page.getByLabel("New password again").fill(NEW);
    await page.getByRole("button", { name: "Set password and sign in" }).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByRole("banner").getByText("Dana Ortiz").waitFor();
    await page.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
    await page.getByRole("heading", { name: "This reset link no longer works" }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
