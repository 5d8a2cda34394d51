import { describe, expect, it } from "vitest";
import { collectPageErrors, openPage, PHONE, seriousAxeViolations, signInAs, useBrowser } from "./helpers/browser";
import { useServer } from "./helpers/server";

const SHOTS = "/tmp/panel-screenshots";

describe("the committee's debrief and an early decision in a browser", () => {
  const server = useServer();
  const chrome = useBrowser();

  it("votes, is warned of the missing scorecards (own included), must say why, and sees both in the decision", async () => {
    const page = await openPage(chrome.browser, { width: 1280, height: 800 });
    const errors = collectPageErrors(page);
    await signInAs(page, server.url, "committee@example.com");
    await page.waitForURL(`${server.url}/`);
    await page.getByRole("link", { name: "Committee packet for Jordan Rivera" }).click();
    await page.getByRole("heading", { name: "Jordan Rivera", level: 1 }).waitFor();

    const debrief = page.getByRole("region", { name: "Debrief votes" });
    await debrief.getByText("0 of 1 committee members have voted").waitFor();
    await debrief.getByRole("radio", { name: "Hire", exact: true }).check();
    await debrief.getByLabel("Your reason, in one line").fill("Owned the billing migration end to end.");
    await debrief.getByRole("button", { name: "Record my vote" }).click();
    await debrief.getByText("1 of 1 committee members have voted.").waitFor();
    await debrief.getByRole("list", { name: "Votes" }).getByText("Owned the billing migration end to end.").waitFor();

    const decision = page.getByRole("region", { name: "Decision" });
    const warning = decision.getByRole("note");
    await warning.getByText("1 scorecard is not in yet.").waitFor();
    await warning.getByText(/Sam Okafor \(you\) · Onsite · Draft/).waitFor();
    await decision.getByRole("radio", { name: "Hire", exact: true }).check();
    await decision.getByLabel("Level").selectOption("Senior");
    await decision.getByLabel("Rationale").fill("Strong ownership; the panel agrees.");
    await decision.getByRole("button", { name: "Record decision" }).click();
    await decision.getByText("Say why the committee decides with 1 scorecard missing").waitFor();
    await page.screenshot({ path: `${SHOTS}/r2-early-decision-1280.png`, fullPage: true });
    await decision.getByLabel("Why decide before every scorecard is in?").fill("My own draft will not change the outcome.");
    await decision.getByRole("button", { name: "Record decision" }).click();
    await decision.getByRole("heading", { name: "Revise the decision" }).waitFor();
    await decision.getByText(/Decided with 1 scorecard missing \(Sam Okafor, Onsite\): My own draft will not change the outcome\./).waitFor();
    await decision.getByRole("list", { name: "Debrief votes at the time" }).getByText("Owned the billing migration end to end.").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("region", { name: "Debrief votes" }).screenshot({ path: `${SHOTS}/r2-debrief-1280.png` });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}/r2-packet-decision-390.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
