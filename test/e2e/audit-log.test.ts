import { describe, expect, it } from "vitest";
import { collectPageErrors, openPage, PHONE, seriousAxeViolations, signInAs, useBrowser } from "./helpers/browser";
import { useServer } from "./helpers/server";

const SHOTS = "/tmp/panel-screenshots";

// Issue 18 item 18: the audit log reads as sentences with links, the raw record behind a disclosure.
describe("the audit log in words", () => {
  const server = useServer();
  const chrome = useBrowser();

  it("says who did what to whom, links the person and the candidate, and still filters", async () => {
    // Something to read: a committee member opens a packet, an admin gives someone a role.
    const committee = await openPage(chrome.browser);
    await signInAs(committee, server.url, "committee@example.com");
    await committee.getByRole("link", { name: "Committee packet for Jordan Rivera" }).click();
    await committee.getByRole("heading", { name: "Jordan Rivera", level: 1 }).waitFor();
    await committee.context().close();

    const page = await openPage(chrome.browser, { width: 1280, height: 900 });
    const errors = collectPageErrors(page);
    await signInAs(page, server.url, "admin@example.com");
    await page.goto(`${server.url}/admin/people`);
    await page.getByRole("link", { name: "Marcus Webb" }).click();
    // Ticked before the page's scripts run, the box would be reset by them and the save would change nothing.
    await page.waitForLoadState("networkidle");
    await page.getByRole("checkbox", { name: "Hiring committee" }).check();
    // Wait for the save itself: leaving the page sooner would cancel it.
    const saved = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/admin/people/"));
    await page.getByRole("button", { name: "Save roles" }).click();
    expect((await saved).ok()).toBe(true);

    await page.goto(`${server.url}/admin/audit`);
    const entries = page.getByRole("list", { name: "Audit entries, newest first" });
    const roles = entries.getByRole("listitem").filter({ hasText: "changed the roles of" });
    await expect
      .poll(() => roles.locator(".audit-sentence").textContent())
      .toBe("Alex Kim changed the roles of Marcus Webb: added Hiring committee");
    const packet = entries.getByRole("listitem").filter({ hasText: "opened the packet of" });
    expect(await packet.locator(".audit-sentence").textContent()).toBe(
      "Sam Okafor opened the packet of Jordan Rivera (Customer Experience Manager)",
    );
    // No raw codes or ids in the sentences; the record is one click away.
    expect(await entries.locator(".audit-sentence").allTextContents()).not.toContainEqual(
      expect.stringMatching(/[0-9a-f]{8}-[0-9a-f]{4}|user\.roles|packet\.view/),
    );
    await roles.getByText("Record").click();
    expect(await roles.getByRole("code").first().textContent()).toBe("user.roles");
    await page.screenshot({ path: `${SHOTS}/audit-1280.png`, fullPage: true });
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}/audit-390.png`, fullPage: true });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.setViewportSize({ width: 1280, height: 900 });

    await roles.getByRole("link", { name: "Marcus Webb" }).click();
    await page.getByRole("heading", { name: "Marcus Webb", level: 1 }).waitFor();
    await page.goBack();
    await packet.getByRole("link", { name: "Jordan Rivera" }).click();
    await page.getByRole("heading", { name: "Jordan Rivera", level: 1 }).waitFor();

    // The filter names actions in words and still narrows the log.
    await page.goto(`${server.url}/admin/audit`);
    await page.getByLabel("What").selectOption({ label: "User roles" });
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL(/action=user\.roles/);
    expect(await entries.locator(".audit-sentence").allTextContents()).toEqual([
      "Alex Kim changed the roles of Marcus Webb: added Hiring committee",
    ]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);
});
