import { describe, expect, it } from "vitest";
import { collectPageErrors, PHONE, seriousAxeViolations, signInAs, useBrowser } from "./helpers/browser";
import { useServer } from "./helpers/server";

const SHOTS = "/tmp/panel-screenshots";

function inDays(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}

describe("planning a whole panel in one form", () => {
  const server = useServer();
  const chrome = useBrowser();

  it("a recruiter adds rows, sees each bad field named in its row, and schedules the loop at once", async () => {
    // A recruiter in Toronto: the loop's zone starts as the browser's own.
    const context = await chrome.browser.newContext({
      viewport: { width: 1280, height: 900 },
      timezoneId: "America/Toronto",
    });
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await signInAs(page, server.url, "recruiter@example.com");
    await page.waitForURL(`${server.url}/`);
    await page.goto(`${server.url}/candidates/new`);
    await page.getByLabel("Name").fill("Kim Panelbuilder");
    await page.getByLabel("Email").fill("kim@example.org");
    await page.getByLabel("Position").selectOption({ index: 1 });
    await page.getByLabel("Level applied for").selectOption("Senior");
    await page.getByRole("button", { name: "Add candidate" }).click();
    await page.getByRole("heading", { name: "Kim Panelbuilder" }).waitFor();

    await page.getByRole("link", { name: "Plan the panel" }).click();
    await page.getByRole("heading", { name: "Plan the panel" }).waitFor();
    const zone = page.getByLabel("Time zone for the loop");
    await expect.poll(() => zone.inputValue()).toBe("America/Toronto");
    // A searchable list of every zone, not a select of 400 names.
    expect(await zone.getAttribute("list")).toBe("time-zones");
    expect(await page.locator("datalist#time-zones option").count()).toBeGreaterThan(300);
    await zone.fill("Europe/London");
    const first = page.getByRole("group", { name: "Interview 1" });
    const second = page.getByRole("group", { name: "Interview 2" });
    await first.getByLabel("Interviewer").selectOption({ label: "Priya Natarajan (interviewer@example.com)" });
    await first.getByLabel("Date").fill(inDays(6));
    await first.getByLabel("Start time").fill("09:30");
    await first.getByRole("checkbox", { name: "Ownership", exact: true }).check();
    // The second row is left without an interviewer or a time: checked in the browser, beside the fields.
    await second.getByLabel("Date").fill(inDays(6));
    await page.getByRole("button", { name: "Schedule the panel" }).click();
    await expect.poll(() => second.getByText("Choose an interviewer", { exact: true }).isVisible()).toBe(true);
    expect(await second.getByText("Enter the start time").isVisible()).toBe(true);
    expect(await first.locator(".field-error").count()).toBe(0);

    await page.getByRole("button", { name: "Add an interview" }).click();
    await page.getByRole("group", { name: "Interview 3" }).waitFor();
    await page.getByRole("button", { name: "Remove interview 3" }).click();
    await expect.poll(() => page.getByRole("group", { name: "Interview 3" }).count()).toBe(0);

    await second.getByLabel("Interviewer").selectOption({ label: "Marcus Webb (interviewer2@example.com)" });
    await second.getByLabel("Start time").fill("11:00");
    await second.getByLabel("Duration (minutes)").fill("60");
    await second.getByRole("checkbox", { name: "Problem Solving", exact: true }).check();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/panel-builder-1280.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}/panel-builder-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole("button", { name: "Schedule the panel" }).click();
    await page.waitForURL(/\/candidates\/[0-9a-f-]+$/);
    const timeline = page.getByRole("region", { name: "Interview loop" });
    await expect.poll(() => timeline.getByRole("listitem").count()).toBe(2);
    expect(await timeline.getByText("Marcus Webb").count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.context().close();
    // Two cores shared by many test runs: the whole walk-through needs more than the default minute.
  }, 300_000);
});
