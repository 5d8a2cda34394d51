import AxeBuilder from "@axe-core/playwright";
import { chromium, type Browser, type ConsoleMessage, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { DEMO_PASSWORD } from "~/startup/demo-data.server";

// Debian's Chromium; never a Playwright browser download (it cannot be fetched here).
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export function useBrowser(): { readonly browser: Browser } {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    get browser() {
      if (!browser) throw new Error("The browser is not running yet: read it inside tests or hooks");
      return browser;
    },
  };
}

export const LAPTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

// A page in its own context (own cookies); axe needs one. Close it with page.context().close().
export async function openPage(browser: Browser, viewport = LAPTOP): Promise<Page> {
  const context = await browser.newContext({ viewport });
  return context.newPage();
}

// Text typed before React hydrates the page is overwritten by the form's own values: wait until the
// page's main element carries React's props, which hydration attaches.
export async function waitForHydration(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.querySelector("main");
    return !!main && Object.keys(main).some((key) => key.startsWith("__reactProps"));
  });
}

// Errors the page logs (CSP refusals among them) and uncaught exceptions. Chromium also logs
// every 4xx/5xx response ("Failed to load resource"), a 401 for a wrong password included;
// tests assert on statuses themselves, so those lines are left out.
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource"))
      errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

export type AxeProblem = { id: string; impact: string; help: string; targets: string[] };

// Only what axe rates serious or critical; the rest is advice, not a failure.
export async function seriousAxeViolations(page: Page): Promise<AxeProblem[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ id: v.id, impact: v.impact!, help: v.help, targets: v.nodes.map((n) => n.target.join(" ")) }));
}

// Types into the real sign-in form: for the tests of that form itself.
export async function signInWithForm(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD) {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

// A stored session: each user signs in once per server over HTTP, and every later page gets that
// session's cookie instead of typing the password again (faster, and nothing to mistype under load).
const sessions = new Map<string, { name: string; value: string }>();

async function sessionCookie(baseUrl: string, email: string, password: string) {
  const response = await fetch(`${baseUrl}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: baseUrl },
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
    redirect: "manual",
  });
  const cookie = response.headers.getSetCookie().find((c) => /^(__Host-)?panel_session=/.test(c));
  if (response.status !== 302 || !cookie) throw new Error(`Signing in ${email} answered ${response.status}`);
  const [name, value] = cookie.split(";")[0].split(/=(.*)/s);
  return { name, value };
}

// Signed in as `email` on a page at the home page. A stored session that has ended since (signed
// out, deactivated) is replaced once.
export async function signInAs(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  for (const fresh of [false, true]) {
    const key = `${baseUrl} ${email}`;
    if (fresh || !sessions.has(key)) sessions.set(key, await sessionCookie(baseUrl, email, password));
    await page.context().addCookies([{ ...sessions.get(key)!, url: baseUrl }]);
    await page.goto(`${baseUrl}/`);
    if (!new URL(page.url()).pathname.startsWith("/login")) return;
  }
  throw new Error(`${email} could not sign in at ${baseUrl}`);
}
