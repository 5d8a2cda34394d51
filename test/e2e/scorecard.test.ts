import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { collectPageErrors, openPage, seriousAxeViolations, signInAs, useBrowser } from "./helpers/browser";
import { useServer } from "./helpers/server";

const SHOTS = "/tmp/panel-screenshots";

describe("an interviewer's scorecard in the browser", () => {
  const server = useServer();
  const chrome = useBrowser();

  // One long walk through the page; on a loaded two-core machine it has taken close to a minute.
  it("autosaves, survives a reload and going offline, drafts, warns on bias, submits, exports", async () => {
    const page = await openPage(chrome.browser);
    const errors = collectPageErrors(page);
    await signInAs(page, server.url, "interviewer@example.com");
    await page.waitForURL(`${server.url}/`);
    await page.getByRole("region", { name: "Overdue feedback" }).getByRole("link", { name: "Aisha Bello" }).click();
    await page.getByRole("heading", { name: /Aisha Bello/ }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    const notes = page.getByLabel("Your notes").first();
    await notes.fill("Walked through the renewal at risk; she called the customer herself the same day.");
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 10_000 }).toMatch(/^Saved/);
    await page.reload();
    await expect.poll(() => page.getByLabel("Your notes").first().inputValue()).toMatch(/called the customer herself/);

    // Offline: the text stays on the device and reaches the server once the network is back.
    await page.context().setOffline(true);
    await page
      .getByLabel("Candidate's answer")
      .first()
      .fill("I called the director and sorted 14 of the 40 tickets into one root cause.");
    await page.getByLabel("General notes").focus();
    await expect
      .poll(() => page.getByRole("status").first().textContent(), { timeout: 10_000 })
      .toBe("Offline — kept on this device");
    await page.context().setOffline(false);
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 15_000 }).toMatch(/^Saved/);
    await page.reload();
    await expect.poll(() => page.getByLabel("Candidate's answer").first().inputValue()).toMatch(/14 of the 40 tickets/);

    // Live mode: Enter stamps a new note line with the elapsed time.
    await page.getByRole("button", { name: "Start live interview" }).click();
    await notes.click();
    await notes.press("End");
    await notes.press("Enter");
    await notes.pressSequentially("asked about metrics");
    expect(await notes.inputValue()).toMatch(/\n\[\d\d:\d\d\] asked about metrics$/);

    // Ratings by keyboard: focus the first level of each group, arrow to "Meets".
    for (const name of [
      "Ownership",
      "Problem Solving",
      "Execution",
      "Collaboration",
      "Communication",
      "Leadership / Influence",
      "Culture Fit",
    ]) {
      const group = page.getByRole("group", { name });
      await group.getByRole("radio").first().focus();
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("ArrowRight");
      expect(await group.getByRole("radio", { name: /Meets$/ }).isChecked()).toBe(true);
    }
    await page.getByRole("radio", { name: "👍 Hire", exact: true }).check();

    // Submit with no summary: the field error shows, nothing is submitted.
    await page.getByRole("button", { name: "Submit scorecard" }).click();
    await page.getByRole("link", { name: "Formal summary: Write the formal summary before submitting" }).waitFor();

    await page.getByRole("button", { name: "Draft with assistant" }).click();
    await expect.poll(() => page.getByLabel("Formal summary").inputValue(), { timeout: 15_000 }).not.toBe("");
    await page
      .getByText("Assistant draft", { exact: false })
      .first()
      .waitFor({ state: "attached" })
      .catch(() => {});

    await page.getByLabel("General notes").fill("She mentioned her kids twice; seems a bit old for a fast team.");
    await page.getByText("Check your wording").first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: `${SHOTS}/scorecard-filled.png`, fullPage: true });
    await page.getByRole("button", { name: "Submit scorecard" }).click();
    await page.getByRole("button", { name: "Submit anyway" }).dblclick();
    await page.getByRole("heading", { name: "Your scorecard" }).waitFor({ timeout: 15_000 });
    await page.getByText("Bias warnings the interviewer submitted past").waitFor();
    await page.screenshot({ path: `${SHOTS}/scorecard-submitted.png`, fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download Markdown" }).click(),
    ]);
    const markdown = fs.readFileSync((await download.path())!, "utf8");
    expect(download.suggestedFilename()).toMatch(/^scorecard-aisha-bello-\d{4}-\d{2}-\d{2}\.md$/);
    expect(markdown).toMatch(/^# Scorecard: Aisha Bello\n\n- \*\*Candidate\*\*: Aisha Bello\n/);
    expect(markdown).toContain("- **Interviewer**: Priya Natarajan\n");
    expect(markdown).toContain("**Rating**: Hire");
    expect(markdown).toContain("14 of the 40 tickets");
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);
});
