import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { collectPageErrors, openPage, PHONE, seriousAxeViolations, signInAs, useBrowser } from "./helpers/browser";
import { useServer } from "./helpers/server";

const SHOTS = "/tmp/panel-screenshots";

describe("the committee packet in a browser", () => {
  const server = useServer();
  const chrome = useBrowser();
  let packetUrl = "";

  it("a committee member on the panel reads the others' feedback only after submitting their own, then decides and downloads the PDF", async () => {
    const page = await openPage(chrome.browser);
    const errors = collectPageErrors(page);
    await signInAs(page, server.url, "committee@example.com");
    await page.waitForURL(`${server.url}/`);

    // Sam interviewed Jordan too and his scorecard is a draft: the packet shows progress only.
    await page.getByRole("link", { name: "Committee packet for Jordan Rivera" }).click();
    await page.getByRole("heading", { name: "Jordan Rivera", level: 1 }).waitFor();
    packetUrl = page.url();
    await page.getByRole("note").filter({ hasText: "your own scorecard is not submitted yet" }).waitFor();
    expect(
      await page
        .getByRole("row", { name: /Priya Natarajan/ })
        .first()
        .textContent(),
    ).toContain("hidden until yours is in");
    expect(await page.getByText("2 Hire, 1 No Hire").count()).toBe(0);
    expect(await page.getByRole("region", { name: /Interview: Priya Natarajan/ }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/packet-before-own-submission.png`, fullPage: true });

    await page.goto(`${server.url}/`);
    await page
      .getByRole("region", { name: /Feedback due/ })
      .getByRole("link", { name: "Jordan Rivera" })
      .click();
    for (const name of [
      "Ownership",
      "Problem Solving",
      "Execution",
      "Collaboration",
      "Communication",
      "Leadership / Influence",
      "Culture Fit",
    ]) {
      await page
        .getByRole("group", { name })
        .getByRole("radio", { name: /Meets\+$/ })
        .check();
    }
    await page.getByRole("radio", { name: "👍 Hire", exact: true }).check();
    await page.getByLabel("Formal summary").fill("Owned a hard escalation end to end and measured the result.");
    await page.getByRole("button", { name: "Submit scorecard" }).click();
    await page.getByRole("heading", { name: "Your scorecard" }).waitFor();

    await page.goto(packetUrl);
    await expect.poll(() => page.getByText("3 Hire, 1 No Hire").first().isVisible()).toBe(true);
    expect(await page.getByRole("note").filter({ hasText: "your own scorecard is not submitted yet" }).count()).toBe(0);
    expect(
      await page
        .getByRole("row", { name: /Sam Okafor/ })
        .first()
        .textContent(),
    ).toContain("Submitted");
    await page.screenshot({ path: `${SHOTS}/packet-after-own-submission.png`, fullPage: true });

    // Checked in the browser with the action's own schema before anything is posted.
    await page.getByRole("button", { name: "Record decision" }).click();
    await expect.poll(() => page.getByText("Write the rationale for this decision").isVisible()).toBe(true);
    expect(await page.getByLabel("Rationale").getAttribute("aria-invalid")).toBe("true");

    const decision = page.getByRole("region", { name: "Decision" });
    await decision.getByRole("radio", { name: "Hire", exact: true }).check();
    await decision.getByLabel("Level").selectOption("Senior");
    await decision
      .getByLabel("Rationale")
      .fill("Strong ownership and communication; the problem-solving gap is coachable.");
    await page.getByRole("button", { name: "Record decision" }).click();
    await page.getByRole("heading", { name: "Revise the decision" }).waitFor();
    await expect.poll(() => page.getByText("recorded by Sam Okafor").first().isVisible()).toBe(true);

    await decision.getByRole("radio", { name: "More interviews" }).check();
    await decision.getByLabel("Level").selectOption("");
    await decision.getByLabel("Rationale").fill("One more technical conversation before we decide.");
    await page.getByLabel("Reason for revising").fill("Lena's concerns about ownership need a follow-up.");
    await page.getByRole("button", { name: "Revise decision" }).click();
    const history = page.getByRole("list").filter({ hasText: "Reason for revising" });
    await expect.poll(() => history.getByRole("listitem").count(), { timeout: 15_000 }).toBe(2);
    expect(await history.getByRole("listitem").allTextContents()).toEqual([
      expect.stringContaining("Hire, Senior"),
      expect.stringContaining("Lena's concerns about ownership need a follow-up."),
    ]);

    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/packet-laptop.png`, fullPage: true });
    await page.screenshot({ path: `${SHOTS}/packet-top.png` });
    await page.getByRole("region", { name: "Decision" }).screenshot({ path: `${SHOTS}/packet-decision.png` });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}/packet-phone.png` });

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download PDF" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("packet-jordan-rivera.pdf");
    const file = `${SHOTS}/packet-jordan-rivera.pdf`;
    await download.saveAs(file);
    expect(fs.readFileSync(file).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    expect(errors).toEqual([]);
    await page.context().close();
  }, 150_000);

  it("an interviewer who is not on the committee gets a 404 for the packet and its PDF", async () => {
    const page = await openPage(chrome.browser);
    await signInAs(page, server.url, "interviewer@example.com");
    await page.waitForURL(`${server.url}/`);
    expect(packetUrl).toMatch(/\/candidates\/[0-9a-f-]+\/packet$/);
    expect((await page.goto(packetUrl))?.status()).toBe(404);
    expect((await page.context().request.get(`${packetUrl}.pdf`)).status()).toBe(404);
    await page.context().close();
  });
});
