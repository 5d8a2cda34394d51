import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { collectPageErrors, openPage, seriousAxeViolations, signInAs, useBrowser } from "./helpers/browser";
import { useServer } from "./helpers/server";

const SHOTS = "/tmp/panel-screenshots";
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe("the recruiter's reports in the browser", () => {
  const server = useServer();
  const chrome = useBrowser();

  it("filters by date range and position, shows overdue feedback, downloads the CSV and a packet ZIP", async () => {
    const page = await openPage(chrome.browser);
    const errors = collectPageErrors(page);
    await signInAs(page, server.url, "recruiter@example.com");
    await page.waitForURL(`${server.url}/`);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).click();
    await page.getByRole("heading", { name: "Reports", level: 1 }).waitFor();

    // A bad range is refused next to the field, by the same schema the server uses.
    await page.getByLabel("From (interview date)").fill(day(0));
    await page.getByLabel("To", { exact: true }).fill(day(-7));
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.getByText("To is before From: the range is inverted").waitFor();

    await page.getByLabel("From (interview date)").fill(day(-7));
    await page.getByLabel("To", { exact: true }).fill(day(0));
    await page.getByLabel("Position").selectOption({ label: "Customer Experience Manager" });
    await page.getByRole("button", { name: "Apply filters" }).click();
    await page.waitForURL(/from=.*&to=.*&position=/);

    const overdue = page.getByRole("region", { name: "Overdue scorecards" });
    // The demo's overdue card: Priya has not started on Aisha's onsite two days ago.
    const priya = overdue.getByRole("row").filter({ hasText: "Priya Natarajan" }).filter({ hasText: "Aisha Bello" });
    await priya.waitFor();
    expect(await priya.getByText("Not started").count()).toBe(1);
    const total = Number(
      (await page.getByRole("heading", { name: /^Interviews \(\d+\)$/ }).textContent())!.match(/\d+/)![0],
    );
    expect(total).toBeGreaterThan(5);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/reports-1280.png`, fullPage: true });

    const [csvDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download CSV" }).click(),
    ]);
    expect(csvDownload.suggestedFilename()).toMatch(/^interviews-\d{4}-\d{2}-\d{2}\.csv$/);
    const records = parse(fs.readFileSync((await csvDownload.path())!, "utf8")) as string[][];
    expect(records).toHaveLength(total + 1);
    expect(new Set(records.slice(1).map((r) => r[1]))).toEqual(new Set(["Customer Experience Manager"]));

    const [excelDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "CSV for Excel" }).click(),
    ]);
    expect(excelDownload.suggestedFilename()).toMatch(/^interviews-\d{4}-\d{2}-\d{2}-excel\.csv$/);

    await page.getByRole("checkbox", { name: "Choose Jordan Rivera for the packet ZIP" }).first().check();
    const [zipDownload] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download packets (ZIP, 1 candidate)" }).click(),
    ]);
    expect(zipDownload.suggestedFilename()).toMatch(/^packets-\d{4}-\d{2}-\d{2}\.zip$/);
    const listing = execFileSync("unzip", ["-l", (await zipDownload.path())!], { encoding: "utf8" });
    expect(listing).toContain("packet-jordan-rivera.pdf");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("fits a 390 px phone with overdue ages in view; select-all chooses the page", async () => {
    const page = await openPage(chrome.browser, { width: 390, height: 844 });
    await signInAs(page, server.url, "recruiter@example.com");
    await page.waitForURL(`${server.url}/`);
    await page.goto(`${server.url}/reports?range=all`);
    const overdue = page.getByRole("region", { name: "Overdue scorecards" });
    await overdue.getByRole("row").nth(1).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // The age of the first overdue card is on screen without scrolling sideways.
    const age = await overdue.getByRole("row").nth(1).getByRole("cell").first().boundingBox();
    expect(age!.x + age!.width).toBeLessThanOrEqual(390);
    expect(await overdue.getByRole("columnheader").first().textContent()).toBe("Overdue by");
    await page.screenshot({ path: `${SHOTS}/reports-390.png`, fullPage: true });

    const all = page.getByRole("checkbox", { name: "Choose every candidate on this page for the packet ZIP" });
    await all.check();
    const rows = page.getByRole("checkbox", { name: /^Choose .+ for the packet ZIP$/ });
    const names = new Set(
      await rows.evaluateAll((boxes) =>
        (boxes as HTMLInputElement[]).filter((b) => b.name === "candidate").map((b) => b.value),
      ),
    );
    await page.getByRole("button", { name: `Download packets (ZIP, ${names.size} candidates)` }).waitFor();
    expect(await rows.evaluateAll((boxes) => boxes.every((b) => (b as HTMLInputElement).checked))).toBe(true);
    await page
      .getByRole("checkbox", { name: /^Choose .+ for the packet ZIP$/ })
      .nth(1)
      .uncheck();
    expect(await all.evaluate((b) => (b as HTMLInputElement).indeterminate)).toBe(true);
    await all.check(); // from some chosen to all, then none
    await all.uncheck();
    await page.getByRole("button", { name: "Download packets (ZIP)" }).waitFor();
    await page.context().close();
  });

  it("refuses the page and the exports to an interviewer", async () => {
    const page = await openPage(chrome.browser);
    await signInAs(page, server.url, "interviewer@example.com");
    await page.waitForURL(`${server.url}/`);
    expect(await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Reports" }).count()).toBe(0);
    const response = await page.goto(`${server.url}/reports`);
    expect(response!.status()).toBe(403);
    await page.getByRole("heading", { name: "Not allowed" }).waitFor();
    const csv = await page.request.get(`${server.url}/reports.csv`);
    expect(csv.status()).toBe(403);
    await page.context().close();
  });
});
