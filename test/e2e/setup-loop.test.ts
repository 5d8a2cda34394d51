import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { collectPageErrors, openPage, PHONE, seriousAxeViolations, signInAs, useBrowser } from "./helpers/browser";
import { useServer } from "./helpers/server";

const SHOTS = "/tmp/panel-screenshots";

// A day well ahead, so every interview lands in "Upcoming".
function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe("setting up a hiring loop in the browser", () => {
  const server = useServer();
  const chrome = useBrowser();

  async function schedule(
    page: Page,
    interviewer: string,
    date: string,
    stage: string,
    competency: string,
    question: RegExp,
  ) {
    await page.getByRole("link", { name: "Schedule interview" }).click();
    await page.getByRole("heading", { name: "Schedule an interview" }).waitFor();
    await page.getByLabel("Interviewer").selectOption({ label: interviewer });
    await page.getByLabel("Stage").selectOption({ label: stage });
    await page.getByLabel("Date").fill(date);
    await page.getByLabel("Start time").fill("10:30");
    await page.getByLabel("Time zone", { exact: true }).fill("Europe/London");
    await page.getByRole("checkbox", { name: competency, exact: true }).check();
    await page.getByRole("checkbox", { name: question }).check();
    await page.getByRole("button", { name: "Schedule interview" }).click();
    await page.waitForURL(/\/candidates\/[0-9a-f-]+$/);
  }

  it("a recruiter creates a position, adds a candidate and schedules three interviews; the interviewer sees theirs", async () => {
    const page = await openPage(chrome.browser);
    const errors = collectPageErrors(page);
    await signInAs(page, server.url, "recruiter@example.com");
    await page.waitForURL(`${server.url}/`);

    await page.getByRole("link", { name: "Positions" }).click();
    await page.getByRole("link", { name: "New position" }).click();
    await page.getByRole("button", { name: "Create position" }).click();
    // Checked in the browser with the action's own schema before anything is posted.
    await expect.poll(() => page.getByText("Enter the position's title").isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel("Title").fill("Support Team Lead");
    await page.getByLabel("Team").fill("Customer Success");
    await page.getByLabel("Question kit").selectOption("customer-experience-manager");
    await page.getByRole("button", { name: "Create position" }).click();
    await page.waitForURL(/\/positions\/[0-9a-f-]+$/);

    await page.goto(`${server.url}/candidates/new`);
    await page.getByLabel("Name").fill("Robin Example");
    await page.getByLabel("Email").fill("robin@example.org");
    await page.getByLabel("Position").selectOption({ label: "Support Team Lead (Customer Success)" });
    await page.getByLabel("Level applied for").selectOption("Senior");
    await page.getByRole("button", { name: "Add candidate" }).click();
    await page.getByRole("heading", { name: "Robin Example" }).waitFor();
    await expect.poll(() => page.getByText("No interviews scheduled yet.").isVisible()).toBe(true);

    await schedule(
      page,
      "Priya Natarajan (interviewer@example.com)",
      inDays(3),
      "Phone screen",
      "Communication",
      /difficult customer/,
    );
    await schedule(
      page,
      "Marcus Webb (interviewer2@example.com)",
      inDays(4),
      "Onsite",
      "Problem Solving",
      /dug into code/,
    );
    await schedule(
      page,
      "Priya Natarajan (interviewer@example.com)",
      inDays(5),
      "Final",
      "Ownership",
      /technical debt/,
    );

    const timeline = page.getByRole("region", { name: "Interview loop" });
    await expect.poll(() => timeline.getByRole("listitem").count()).toBe(3);
    expect(await timeline.getByText("Upcoming", { exact: true }).count()).toBe(3);
    await expect
      .poll(() => timeline.getByRole("status").textContent())
      .toMatch(/Execution, Collaboration, Leadership \/ Influence, Culture Fit/);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/setup-candidate-laptop.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}/setup-candidate-phone.png`, fullPage: true });
    expect(errors).toEqual([]);
    await page.context().close();

    const priya = await openPage(chrome.browser);
    const priyaErrors = collectPageErrors(priya);
    await signInAs(priya, server.url, "interviewer@example.com");
    await priya.waitForURL(`${server.url}/`);
    const upcoming = priya
      .getByRole("region", { name: "Upcoming interviews" })
      .getByRole("link", { name: "Robin Example" });
    await expect.poll(() => upcoming.count()).toBe(2);
    await priya.screenshot({ path: `${SHOTS}/setup-interviewer-home.png`, fullPage: true });
    expect(await upcoming.first().getAttribute("href")).toMatch(/^\/interviews\/[0-9a-f-]+$/);
    await upcoming.first().click();
    await priya.waitForURL(/\/interviews\/[0-9a-f-]+$/);
    await expect
      .poll(() =>
        priya.getByText("Describe a situation where you had to deal with a difficult customer.").first().isVisible(),
      )
      .toBe(true);
    expect(priyaErrors).toEqual([]);
    await priya.context().close();
  });
});
