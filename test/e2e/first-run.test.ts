import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { collectPageErrors, openPage, PHONE, seriousAxeViolations, signInAs, useBrowser } from "./helpers/browser";
import { useServer } from "./helpers/server";

const SHOTS = "/tmp/panel-screenshots";
const ADMIN = { email: "founder@team.example", password: "founder-password-1" };

// Issue 18 item 14: a new customer's admin is shown what to set up, and each step ticks itself off.
describe("the first-run checklist on an empty database", () => {
  const server = useServer({ DEMO_DATA: "0", ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  const chrome = useBrowser();

  const checklist = (page: Page) => page.getByRole("region", { name: "Get Panel ready for your team" });
  const stepsDone = async (page: Page) => {
    await page.goto(`${server.url}/`);
    return checklist(page).locator("li.done a").allTextContents();
  };

  it("lists the steps with links, ticks each from the data, and is gone once all are done", async () => {
    const page = await openPage(chrome.browser, { width: 1280, height: 900 });
    const errors = collectPageErrors(page);
    await signInAs(page, server.url, ADMIN.email, ADMIN.password);
    await checklist(page).getByText("0 of 5 steps done.").waitFor();
    await page.screenshot({ path: `${SHOTS}/first-run-1280.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}/first-run-390.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.setViewportSize({ width: 1280, height: 900 });

    await checklist(page)
      .getByRole("link", { name: /^Invite the people/ })
      .click();
    await page.getByLabel("Email").fill("ivan@team.example");
    await page.getByRole("checkbox", { name: "Interviewer", exact: true }).check();
    await page.getByRole("button", { name: "Create invitation link" }).click();
    await page.getByRole("status").filter({ hasText: "Invitation for ivan@team.example created" }).waitFor();
    expect(await stepsDone(page)).toEqual(["Invite the people who interview, recruit and decide"]);

    await checklist(page).getByRole("link", { name: "Review the rubric and question kits" }).click();
    const ownership = page.getByRole("group", { name: "Ownership" });
    await ownership.getByLabel("Meets", { exact: true }).fill("Owns the assigned work and sees it through.");
    await page.getByRole("button", { name: "Review and save" }).click();
    await page.getByRole("button", { name: "Confirm and save" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/v2$/);

    await page.goto(`${server.url}/`);
    await checklist(page).getByRole("link", { name: "Create a position and choose its kit" }).click();
    await page.getByLabel("Title").fill("Backend Engineer");
    await page.getByLabel("Team").fill("Platform");
    await page.getByLabel("Question kit").selectOption("customer-experience-manager");
    await page.getByRole("button", { name: "Create position" }).click();
    await page.waitForURL(/\/positions\/[0-9a-f-]+$/);

    await page.goto(`${server.url}/`);
    await checklist(page).getByRole("link", { name: "Add candidates" }).click();
    await page.getByLabel("Name").fill("Sam Lee");
    await page.getByLabel("Email").fill("sam@example.org");
    await page.getByLabel("Position").selectOption({ label: "Backend Engineer (Platform)" });
    await page.getByRole("button", { name: "Add candidate" }).click();
    await page.getByRole("heading", { name: "Sam Lee" }).waitFor();
    expect(await stepsDone(page)).toHaveLength(4);
    await checklist(page).getByText("4 of 5 steps done.").waitFor();
    await checklist(page).screenshot({ path: `${SHOTS}/first-run-ticked-1280.png` });

    // The founder interviews too: the panel needs an interviewer who has an account.
    await page.goto(`${server.url}/admin/people`);
    await page.getByRole("link", { name: "founder", exact: true }).click();
    // Ticked before the page's scripts run, the box would be reset by them and the save would change nothing.
    await page.waitForLoadState("networkidle");
    await page.getByRole("checkbox", { name: "Interviewer", exact: true }).check();
    // Wait for the save itself: leaving the page sooner would cancel it.
    const saved = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/admin/people/"));
    await page.getByRole("button", { name: "Save roles" }).click();
    expect((await saved).ok()).toBe(true);
    await page.reload();
    expect(await page.getByRole("checkbox", { name: "Interviewer", exact: true }).isChecked()).toBe(true);

    await page.goto(`${server.url}/`);
    await checklist(page).getByRole("link", { name: "Schedule the panel" }).click();
    await page.getByRole("heading", { name: "Sam Lee" }).waitFor();
    const candidateUrl = page.url();
    await page.getByRole("link", { name: "Schedule interview" }).click();
    await page.getByLabel("Interviewer").selectOption({ label: `founder (${ADMIN.email})` });
    await page.getByLabel("Date").fill("2031-03-04");
    await page.getByLabel("Start time").fill("10:00");
    await page.getByLabel("Time zone", { exact: true }).fill("Europe/London");
    await page.getByRole("checkbox", { name: "Ownership", exact: true }).check();
    await page.getByRole("checkbox", { name: /difficult customer/ }).check();
    await page.getByRole("button", { name: "Schedule interview" }).click();
    await page.waitForURL(candidateUrl);

    await page.goto(`${server.url}/`);
    await page.getByRole("heading", { name: "Candidates" }).waitFor();
    expect(await checklist(page).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});

describe("the first-run checklist on the demo data", () => {
  const server = useServer();
  const chrome = useBrowser();

  it("is not shown: the demo team is set up", async () => {
    const page = await openPage(chrome.browser);
    await signInAs(page, server.url, "admin@example.com");
    await page.getByRole("heading", { name: "Hello, Alex" }).waitFor();
    expect(await page.getByRole("region", { name: "Get Panel ready for your team" }).count()).toBe(0);
    await page.context().close();
  }, 120_000);
});
