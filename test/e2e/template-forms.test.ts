import { describe, expect, it } from "vitest";
import {
  collectPageErrors,
  openPage,
  PHONE,
  seriousAxeViolations,
  signInAs,
  useBrowser,
  waitForHydration,
} from "./helpers/browser";
import { useServer } from "./helpers/server";

const SHOTS = "/tmp/panel-screenshots";

describe("the rubric as a form and kits made in one click", () => {
  const server = useServer();
  const chrome = useBrowser();

  it("an admin fixes a blank anchor, confirms and sees version 2; duplicates and starts a kit", async () => {
    const page = await openPage(chrome.browser, { width: 1280, height: 900 });
    const errors = collectPageErrors(page);
    await signInAs(page, server.url, "admin@example.com");
    await page.waitForURL(`${server.url}/`);
    await page.goto(`${server.url}/admin/rubric`);
    const ownership = page.getByRole("group", { name: "Ownership" });
    await ownership.getByLabel("Meets", { exact: true }).fill("");
    await page.getByRole("button", { name: "Review and save" }).click();
    await expect
      .poll(() => ownership.getByText("Level anchor: say what an answer at this level shows").isVisible())
      .toBe(true);
    await page.screenshot({ path: `${SHOTS}/rubric-errors-1280.png` });
    await ownership.getByLabel("Meets", { exact: true }).fill("Owns the assigned work and sees it through.");
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}/rubric-390.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("button", { name: "Review and save" }).click();
    const confirm = page.getByRole("region", { name: "Save the rubric as version 2?" });
    expect(await confirm.getByText("Changed: Ownership, Meets level").isVisible()).toBe(true);
    await confirm.getByRole("button", { name: "Confirm and save" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/v2$/);

    await page.goto(`${server.url}/admin/kits/generic-behavioral`);
    await page.getByRole("button", { name: "Duplicate kit" }).click();
    await page.waitForURL(`${server.url}/admin/kits/generic-behavioral-copy/edit`);
    expect(await page.getByLabel("Title").inputValue()).toMatch(/^Copy of /);

    await page.goto(`${server.url}/admin/kits`);
    await page.getByRole("link", { name: "New kit" }).click();
    await page.getByRole("heading", { name: "New question kit" }).waitFor();
    await page.screenshot({ path: `${SHOTS}/kit-new-1280.png` });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);

  it("an admin blanks a red flag's advice, sees the error on that field, fixes it, confirms and sees version 2", async () => {
    const page = await openPage(chrome.browser, { width: 1280, height: 900 });
    const errors = collectPageErrors(page);
    await signInAs(page, server.url, "admin@example.com");
    await page.goto(`${server.url}/admin/red-flags`);
    await waitForHydration(page);
    const blame = page.getByRole("group", { name: "Blame shifting" });
    const suggestion = blame.getByLabel("Suggestion");
    await suggestion.fill("   ");
    await page.getByRole("button", { name: "Review and save" }).click();
    // The message sits on the field itself: beside it, and named by the field's aria-describedby.
    const message = blame.getByText("Suggestion: give the advice printed with the flag");
    await message.waitFor();
    expect(await suggestion.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await suggestion.getAttribute("aria-describedby"))!.split(" ");
    expect(describedBy).toContain(await message.getAttribute("id"));
    // The other flags' fields are untouched and carry no error.
    expect(await page.locator("[aria-invalid=true]").count()).toBe(1);
    await blame.screenshot({ path: `${SHOTS}/red-flags-error-1280.png` });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await suggestion.fill("Say which part of the outcome was yours, including what went wrong.");
    await blame.getByLabel("Title").fill("Blame-shifting onto others");
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}/red-flags-390.png` });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole("button", { name: "Review and save" }).click();
    const confirm = page.getByRole("region", { name: "Save the red-flag taxonomy as version 2?" });
    await expect.poll(() => confirm.textContent()).toMatch(/Blame.*Title.*Suggestion|Blame.*Suggestion.*Title/s);
    await confirm.screenshot({ path: `${SHOTS}/red-flags-confirm-1280.png` });
    await confirm.getByRole("button", { name: "Confirm and save" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toMatch(/v2$/);
    expect(await page.getByRole("group", { name: "Blame shifting" }).getByLabel("Title").inputValue()).toBe(
      "Blame-shifting onto others",
    );
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});
