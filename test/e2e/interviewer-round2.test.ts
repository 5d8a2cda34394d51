import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { collectPageErrors, openPage, PHONE, seriousAxeViolations, signInAs, useBrowser } from "./helpers/browser";
import { useServer } from "./helpers/server";

const SHOTS = "/tmp/panel-screenshots";
const DESKTOP = { width: 1280, height: 800 };
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? "");
const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? "");

async function openOverdue(page: Page, url: string) {
  await signInAs(page, url, "interviewer@example.com");
  await page.waitForURL(`${url}/`);
  await page.getByRole("region", { name: "Overdue feedback" }).getByRole("link", { name: "Aisha Bello" }).click();
  await page.getByRole("heading", { name: /Aisha Bello/ }).waitFor();
}

describe("the interviewer's scorecard, round 2", () => {
  const server = useServer();
  const chrome = useBrowser();

  it("says how late an overdue scorecard is instead of 'Not started', on a phone too", async () => {
    for (const [viewport, width] of [
      [DESKTOP, 1280],
      [PHONE, 390],
    ] as const) {
      const page = await openPage(chrome.browser, viewport);
      await openOverdue(page, server.url);
      const header = page.locator("header").filter({ has: page.getByRole("heading", { name: /Aisha Bello/ }) });
      await header.getByText(/^Overdue by \d+ (hours?|days?)$/).waitFor();
      expect(await header.getByText("Not started", { exact: true }).count()).toBe(0);
      await page.screenshot({ path: `${SHOTS}/r2-overdue-${width}.png`, fullPage: false });
      await page.context().close();
    }
  });

  it("gives an own question a text field with focus, and removes questions with an undo", async () => {
    const page = await openPage(chrome.browser, DESKTOP);
    const errors = collectPageErrors(page);
    await openOverdue(page, server.url);

    const asked = await page.getByLabel("Your notes").count();
    await page.getByRole("button", { name: "Add a question of your own" }).click();
    const own = page.getByLabel("Your question");
    await expect.poll(() => own.evaluate((el) => el === document.activeElement)).toBe(true);
    // Typed with spaces: with focus left on the button, each space used to add another question.
    await page.keyboard.type("How did you handle a hostile escalation?");
    expect(await own.count()).toBe(1);
    expect(await own.inputValue()).toBe("How did you handle a hostile escalation?");
    await page.getByRole("heading", { name: `Q${asked + 1}. How did you handle a hostile escalation?` }).waitFor();

    // An empty own question goes at once, with nothing to undo.
    await page.getByRole("button", { name: "Add a question of your own" }).click();
    expect(await page.getByLabel("Your question").count()).toBe(2);
    await page.getByRole("button", { name: `Remove question ${asked + 2}` }).click();
    expect(await page.getByLabel("Your question").count()).toBe(1);
    expect(await page.getByRole("button", { name: "Undo" }).count()).toBe(0);

    // A question with notes comes back with them.
    await page.getByLabel("Your notes").first().fill("Root cause found in the billing export.");
    await page.getByRole("button", { name: "Remove question 1" }).click();
    await page.getByText(/Removed Q1, “.+”, with its notes/).waitFor();
    expect(await focusedName(page)).toBe("Undo");
    await page.screenshot({ path: `${SHOTS}/r2-question-removed-1280.png`, fullPage: false });
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByLabel("Your notes").first().inputValue())
      .toBe("Root cause found in the billing export.");
    expect(await focusedId(page)).toBe("q0-notes");

    // Submitting an own question without its text names it.
    await page.getByLabel("Your question").fill("");
    await page.getByRole("button", { name: "Submit scorecard" }).click();
    await page.getByRole("link", { name: `Q${asked + 1} question: Write your question, or remove it` }).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("reaches live mode by keyboard, focuses the first note, shows level anchors and an error summary", async () => {
    const page = await openPage(chrome.browser, DESKTOP);
    const errors = collectPageErrors(page);
    await openOverdue(page, server.url);
    await page.getByText(/^Overdue by \d+ (hours?|days?)$/).waitFor();

    let tabs = 0;
    while ((await focusedName(page)) !== "Skip to the scorecard" && tabs < 30) {
      await page.keyboard.press("Tab");
      tabs++;
    }
    expect(tabs).toBeLessThan(12);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await focusedName(page)).toBe("Start live interview");
    await page.keyboard.press("Enter");
    expect(await focusedId(page)).toBe("q0-notes");
    await page.getByRole("button", { name: "End live mode" }).click();

    // The anchor of the focused level, then of the chosen one, is written under the picker.
    const ownership = page.getByRole("group", { name: "Ownership" });
    await ownership.getByRole("radio").first().focus();
    await ownership.getByText("Strong No: Deflects responsibility").waitFor();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    await ownership.getByText("Meets: Owns their assigned work").waitFor();
    await page.getByLabel("General notes").focus();
    await ownership.getByText("Meets: Owns their assigned work").waitFor();

    await page.getByRole("button", { name: "Submit scorecard" }).click();
    await expect.poll(() => focusedId(page)).toBe("error-summary");
    const summary = page.getByRole("alert").filter({ hasText: "before submitting" });
    await summary.getByRole("link", { name: "Formal summary: Write the formal summary before submitting" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/r2-error-summary-1280.png`, fullPage: true });
    await summary.getByRole("link", { name: /^Problem Solving:/ }).click();
    expect(
      await page
        .getByRole("group", { name: "Problem Solving" })
        .getByRole("radio")
        .first()
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("labels the general notes of a submitted scorecard, on a phone too", async () => {
    for (const [viewport, width] of [
      [DESKTOP, 1280],
      [PHONE, 390],
    ] as const) {
      const page = await openPage(chrome.browser, viewport);
      await signInAs(page, server.url, "interviewer@example.com");
      await page.waitForURL(`${server.url}/`);
      await page.getByRole("link", { name: "Jordan Rivera" }).first().click();
      const mine = page.getByRole("region", { name: "Your scorecard" });
      await mine.waitFor();
      await mine.getByText("General notes", { exact: true }).waitFor();
      await page.screenshot({ path: `${SHOTS}/r2-submitted-${width}.png`, fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.context().close();
    }
  });

  it("merges a two-tab conflict field by field, ratings included, without losing the other tab's work", async () => {
    const tabA = await openPage(chrome.browser, DESKTOP);
    const errors = collectPageErrors(tabA);
    await signInAs(tabA, server.url, "interviewer@example.com");
    await tabA.waitForURL(`${server.url}/`);
    await tabA.getByRole("link", { name: "Tomás Silva" }).first().click();
    await tabA.getByRole("heading", { name: /Tomás Silva/ }).waitFor();
    const tabB = await tabA.context().newPage();
    await tabB.goto(tabA.url());
    await tabB.getByRole("heading", { name: /Tomás Silva/ }).waitFor();

    // Tab A saves a rating and general notes; tab B, still on the older version, then writes.
    await tabA
      .getByRole("group", { name: "Execution" })
      .getByRole("radio", { name: /Meets\+$/ })
      .check();
    await tabA.getByLabel("General notes").fill("Notes from tab A");
    await tabA.getByLabel("Formal summary").focus();
    await expect.poll(() => tabA.getByRole("status").first().textContent(), { timeout: 10_000 }).toMatch(/^Saved/);
    await tabB.getByLabel("General notes").fill("Notes from tab B");
    await tabB.getByLabel("Formal summary").focus();
    const panel = tabB
      .getByRole("alert")
      .filter({ has: tabB.getByRole("heading", { name: "This scorecard changed somewhere else" }) });
    await panel.waitFor({ timeout: 10_000 });
    expect(await panel.locator("legend").allTextContents()).toEqual(["General notes", "Rating: Execution"]);
    const rating = panel.getByRole("group", { name: "Rating: Execution" });
    await rating.getByText("Meets+").waitFor();

    // Saving without choosing says so; then keep the other tab's rating and this tab's notes.
    await panel.getByRole("button", { name: "Save the merged version" }).click();
    expect(await panel.getByText("Choose which value to keep", { exact: true }).count()).toBe(2);
    await rating.getByRole("radio", { name: /Keep the saved one/ }).check();
    await panel
      .getByRole("group", { name: "General notes" })
      .getByRole("radio", { name: /Keep this tab's/ })
      .check();
    await tabB.screenshot({ path: `${SHOTS}/r2-conflict-1280.png`, fullPage: false });
    await panel.getByRole("button", { name: "Save the merged version" }).click();
    await expect.poll(() => tabB.getByRole("status").first().textContent(), { timeout: 10_000 }).toMatch(/^Saved/);

    await tabA.reload();
    await expect.poll(() => tabA.getByLabel("General notes").inputValue()).toBe("Notes from tab B");
    expect(
      await tabA
        .getByRole("group", { name: "Execution" })
        .getByRole("radio", { name: /Meets\+$/ })
        .isChecked(),
    ).toBe(true);
    expect(errors).toEqual([]);
    await tabA.context().close();
  });

  it("fits the draft scorecard on a phone", async () => {
    const page = await openPage(chrome.browser, PHONE);
    await openOverdue(page, server.url);
    await page.getByRole("button", { name: "Add a question of your own" }).click();
    await page.screenshot({ path: `${SHOTS}/r2-scorecard-390.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.context().close();
  });

  it("writes save times and the offline copy's time in the viewer's zone, named", async () => {
    const page = await openPage(chrome.browser, DESKTOP);
    const errors = collectPageErrors(page);
    await openOverdue(page, server.url);
    await page.getByLabel("General notes").fill("Times in one format.");
    await page.getByLabel("Formal summary").focus();
    const status = () => page.getByRole("status").first().textContent();
    await expect.poll(status, { timeout: 10_000 }).toMatch(/^Saved \d\d:\d\d \(UTC\)$/);

    // A copy this device kept but the server never confirmed is offered back with its time.
    const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith("panel:scorecard:"))!);
    await page.evaluate((key) => {
      const copy = JSON.parse(localStorage.getItem(key)!);
      const at = Date.UTC(2026, 11, 1, 23, 21, 42);
      localStorage.setItem(
        key,
        JSON.stringify({ ...copy, content: { ...copy.content, notes: "unsent" }, at, dirty: true }),
      );
    }, key);
    await page.reload();
    const notice = page.getByRole("alert").filter({ hasText: "This device kept changes" });
    await notice
      .getByText("This device kept changes from Tue 1 Dec 2026, 23:21 (UTC) that never reached the server.")
      .waitFor();
    await page.screenshot({ path: `${SHOTS}/r2-restore-1280.png`, fullPage: false });
    await notice.getByRole("button", { name: "Keep the server's version" }).click();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("keeps a removed question's notes in the revision history", async () => {
    for (const [viewport, width] of [
      [DESKTOP, 1280],
      [PHONE, 390],
    ] as const) {
      const page = await openPage(chrome.browser, viewport);
      const errors = collectPageErrors(page);
      await signInAs(page, server.url, "interviewer@example.com");
      await page.waitForURL(`${server.url}/`);
      await page.getByRole("link", { name: "Jordan Rivera" }).first().click();
      // A click before hydration does nothing: click until the amendment form is there.
      const amendForm = page.getByRole("button", { name: "Submit amendment" });
      await expect
        .poll(
          async () => {
            await page
              .getByRole("button", { name: "Amend" })
              .click({ timeout: 2_000 })
              .catch(() => {});
            return amendForm.count();
          },
          { timeout: 30_000 },
        )
        .toBe(1);
      const notes = `Notes that must survive, ${width}`;
      await page.getByRole("button", { name: "Add a question of your own" }).click();
      await page.getByLabel("Your question").last().fill(`Asked by mistake (${width})`);
      await page.getByLabel("Your notes").last().fill(notes);
      const count = await page.getByLabel("Your notes").count();
      await page.getByRole("button", { name: `Remove question ${count}` }).click();
      await page.getByText(`Removed Q${count}, “Asked by mistake (${width})”, with its notes.`).waitFor();
      const reason = `Dropped a question that was not asked (${width}, ${Date.now()})`;
      await page.getByLabel("Reason for amending").fill(reason);
      await page.getByRole("button", { name: "Submit amendment" }).click();
      const anyway = page.getByRole("button", { name: "Submit anyway" });
      await Promise.race([
        anyway.waitFor().then(() => anyway.click()),
        page.getByRole("button", { name: "Amend" }).waitFor(),
      ]);

      const revisions = page.getByRole("region", { name: "Revisions" });
      // The revision this amendment made, found by its reason once the page has reloaded its data.
      const latest = revisions.locator(":scope > details").filter({ hasText: reason });
      await latest.locator(":scope > summary").click();
      await latest.getByText(/^Removed while drafting \(\d+\)$/).click();
      await latest.getByText(notes).first().waitFor();
      // The submitted scorecard itself no longer asks the question; the author still sees what was removed.
      await page
        .getByRole("region", { name: "Your scorecard" })
        .getByText(notes)
        .first()
        .waitFor({ state: "attached" });
      await page.screenshot({ path: `${SHOTS}/r2-removed-kept-${width}.png`, fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(errors).toEqual([]);
      await page.context().close();
    }
    // Two amendments, each reloading the page, at two widths: allow for a loaded machine.
  }, 180_000);
});
