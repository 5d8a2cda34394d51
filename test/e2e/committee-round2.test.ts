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
    await warning.getByText(/Sam Okafor \(you\)/).waitFor();
    await decision.getByRole("radio", { name: "Hire", exact: true }).check();
    await decision.getByLabel("Level").selectOption("Senior");
    await decision.getByLabel("Rationale").fill("Strong ownership; the panel agrees.");
    await decision.getByRole("button", { name: "Record decision" }).click();
    await decision.getByText("Say why the committee decides with 1 scorecard missing").waitFor();
    await page.screenshot({ path: `${SHOTS}/r2-early-decision-1280.png`, fullPage: true });
    await decision
      .getByLabel("Why decide before every scorecard is in?")
      .fill("My own draft will not change the outcome.");
    await decision.getByRole("button", { name: "Record decision" }).click();
    await decision.getByRole("heading", { name: "Revise the decision" }).waitFor();
    await decision
      .getByText(/Decided with 1 scorecard missing \(Sam Okafor, [^)]+\): My own draft will not change the outcome\./)
      .waitFor();
    await decision
      .getByRole("list", { name: "Debrief votes at the time" })
      .getByText("Owned the billing migration end to end.")
      .waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("region", { name: "Debrief votes" }).screenshot({ path: `${SHOTS}/r2-debrief-1280.png` });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}/r2-packet-decision-390.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 180_000);

  it("finds candidates by search, position, stage and decision, sorted, with the view kept in the URL", async () => {
    for (const [viewport, width] of [
      [{ width: 1280, height: 800 }, 1280],
      [PHONE, 390],
    ] as const) {
      const page = await openPage(chrome.browser, viewport);
      const errors = collectPageErrors(page);
      await signInAs(page, server.url, "recruiter@example.com");
      await page.waitForURL(`${server.url}/`);
      await page.goto(`${server.url}/candidates`);
      const table = page.getByRole("table");
      await expect.poll(() => table.getByRole("row").count()).toBe(4);

      const search = page.getByRole("search", { name: "Find candidates" });
      await search.getByLabel("Search").fill("tomás");
      await search.getByRole("button", { name: "Apply" }).click();
      await page.waitForURL(/q=tom%C3%A1s/);
      await expect.poll(() => table.getByRole("row").count()).toBe(2);
      await table.getByRole("link", { name: "Tomás Silva", exact: true }).waitFor();

      await page.goto(`${server.url}/candidates?sort=name&stage=final`);
      expect(await search.getByLabel("Sort by").inputValue()).toBe("name");
      expect(await search.getByLabel("Stage").inputValue()).toBe("final");
      const names = await table
        .getByRole("row")
        .filter({ has: page.getByRole("cell") })
        .getByRole("link", { name: /^(?!Committee)/ })
        .allTextContents();
      expect(names).toEqual([...names].sort());

      await search.getByLabel("Decision").selectOption("hire");
      await search.getByRole("button", { name: "Apply" }).click();
      await page.waitForURL(/decision=hire/);
      // Jordan Rivera was hired in the test above.
      await expect.poll(() => table.getByRole("row").count()).toBe(2);
      await page.goto(`${server.url}/candidates?decision=pending&q=nobody`);
      await page.getByText("No candidates match these filters.").waitFor();
      await page.goto(`${server.url}/candidates?sort=overdue&position=not-a-uuid`);
      await expect.poll(() => table.getByRole("row").count()).toBe(4);
      await page.screenshot({ path: `${SHOTS}/r2-candidates-${width}.png`, fullPage: true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  }, 180_000);
});
