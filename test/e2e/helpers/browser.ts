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

// Types the demo password into the real form; fine for the demo users in browser tests.
export async function signInAs(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}
