import { describe, expect, it } from "vitest";
import { collectPageErrors, openPage, PHONE, seriousAxeViolations, signInAs, useBrowser } from "./helpers/browser";
import { useServer } from "./helpers/server";

const SHOTS = "/tmp/panel-screenshots";

describe("editing a question kit as a form", () => {
  const server = useServer();
  const chrome = useBrowser();

  it("an admin moves, adds and fixes questions, confirms the change and gets a new version", async () => {
    const page = await openPage(chrome.browser, { width: 1280, height: 900 });
    const errors = collectPageErrors(page);
    await signInAs(page, server.url, "admin@example.com");
    await page.waitForURL(`${server.url}/`);
    await page.goto(`${server.url}/admin/kits/generic-behavioral`);
    await page.getByRole("link", { name: "Edit kit" }).click();
    await page.getByRole("heading", { name: /^Edit / }).waitFor();

    const first = page.getByRole("group", { name: "Question 1" });
    const secondPrompt = await page.getByRole("group", { name: "Question 2" }).getByLabel("Prompt").inputValue();
    // Keyboard operable: focus the button and press Enter.
    await first.getByRole("button", { name: "Move question 1 down" }).focus();
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.getByRole("group", { name: "Question 1" }).getByLabel("Prompt").inputValue())
      .toBe(secondPrompt);

    await page.getByRole("button", { name: "Add a question" }).click();
    const count = await page.getByRole("group", { name: /^Question \d+$/ }).count();
    const added = page.getByRole("group", { name: `Question ${count}` });
    await added.getByLabel("Time box (minutes)").fill("");
    await page.getByRole("button", { name: "Review and save" }).click();
    await expect.poll(() => added.getByText("Time box: enter minutes between 1 and 60").isVisible()).toBe(true);
    expect(await added.getByText("Prompt: write the question").isVisible()).toBe(true);
    expect(await added.getByText("Competencies: tick at least one").isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/kit-form-errors-1280.png` });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await added.getByLabel("Prompt").fill("Tell me about a time you changed your mind.");
    await added.getByLabel("Question id").fill("changed-mind");
    await added.getByLabel("Time box (minutes)").fill("8");
    await added.getByRole("checkbox", { name: "Ownership", exact: true }).check();
    await added.getByLabel("What to look for").fill("Names what changed it");
    await added.getByLabel("Key points").fill("Evidence over ego");
    await added.getByLabel("Common mistakes").fill("Only trivial examples");
    await page.setViewportSize(PHONE);
    await added.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/kit-form-390.png` });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole("button", { name: "Review and save" }).click();
    const confirm = page.getByRole("region", { name: "Save as version 2?" });
    await confirm.waitFor();
    expect(await confirm.getByText("Added question: Tell me about a time you changed your mind.").isVisible()).toBe(
      true,
    );
    expect(await confirm.getByText("Questions reordered").isVisible()).toBe(true);
    await page.screenshot({ path: `${SHOTS}/kit-form-confirm-1280.png` });
    await confirm.getByRole("button", { name: "Confirm and save" }).click();
    await page.waitForURL(`${server.url}/admin/kits/generic-behavioral`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/v2$/);
    expect(errors).toEqual([]);
    await page.context().close();
    // Two cores shared by many test runs: the walk-through needs more than the default minute.
  }, 300_000);
});
