import { describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import { collectPageErrors, openPage, seriousAxeViolations, signInAs, useBrowser } from "./helpers/browser";
import { useServer } from "./helpers/server";

const SHOTS = "/tmp/panel-screenshots";

// Issue 13 item 7: an admin lists open invitations, resends one (the old link stops working)
// and revokes it; whoever holds a dead link reads why on the page.
describe("revoking and resending an invitation in a browser", () => {
  const server = useServer();
  const chrome = useBrowser();
  const onServer = (link: string) => link.replace(/^https?:\/\/[^/]+/, server.url);

  async function reasonAt(browser: Browser, link: string, shot: string): Promise<string> {
    const page = await openPage(browser);
    const response = await page.goto(onServer(link));
    expect(response?.status()).toBe(410);
    await page.getByRole("heading", { name: "This invitation no longer works" }).waitFor();
    expect(await page.getByRole("button", { name: "Create my account" }).count()).toBe(0);
    await page.screenshot({ path: `${SHOTS}/${shot}.png` });
    const reason = (await page.getByRole("alert").textContent()) ?? "";
    await page.context().close();
    return reason;
  }

  it("invites, resends and revokes, and shows the reason on each dead link", async () => {
    const admin = await openPage(chrome.browser);
    const errors = collectPageErrors(admin);
    await signInAs(admin, server.url, "admin@example.com");
    await admin.waitForURL(`${server.url}/`);
    await admin.goto(`${server.url}/admin/people`);

    await admin.getByLabel("Email").fill("dana@example.org");
    await admin.getByRole("button", { name: "Create invitation link" }).click();
    const created = admin.getByRole("status").filter({ hasText: "Invitation for dana@example.org created" });
    await created.waitFor();
    const first = (await created.locator("code").textContent())!.trim();

    await admin.getByRole("link", { name: "Revoke or resend invitations" }).click();
    await admin.getByRole("heading", { name: "Open invitations", level: 1 }).waitFor();
    expect(await admin.getByRole("row", { name: /dana@example\.org/ }).count()).toBe(1);
    expect(await seriousAxeViolations(admin)).toEqual([]);
    await admin.getByRole("button", { name: "Resend invitation for dana@example.org" }).click();
    const resent = admin.getByRole("status").filter({ hasText: "New link for dana@example.org" });
    await resent.waitFor();
    const second = (await resent.locator("code").textContent())!.trim();
    expect(second).not.toBe(first);
    await admin.screenshot({ path: `${SHOTS}/invitations-resent.png`, fullPage: true });

    expect(await reasonAt(chrome.browser, first, "invitation-superseded")).toMatch(
      /newer invitation replaced this link/,
    );

    await admin.getByRole("button", { name: "Revoke invitation for dana@example.org" }).click();
    await admin.getByRole("status").filter({ hasText: "The invitation for dana@example.org is revoked" }).waitFor();
    await expect.poll(() => admin.getByRole("row", { name: /dana@example\.org/ }).count()).toBe(0);
    await admin.screenshot({ path: `${SHOTS}/invitations-revoked.png`, fullPage: true });

    expect(await reasonAt(chrome.browser, second, "invitation-revoked")).toMatch(/revoked this invitation/);
    expect(errors).toEqual([]);
    await admin.context().close();
  });

  // Issue 13 item 7: a refused invitation keeps what was typed and says why on the email field.
  it("keeps the typed email after a refusal and shows the reason on the field", async () => {
    const admin = await openPage(chrome.browser);
    const errors = collectPageErrors(admin);
    await signInAs(admin, server.url, "admin@example.com");
    await admin.waitForURL(`${server.url}/`);
    await admin.goto(`${server.url}/admin/people`);
    // The page's reload after each post arrives late, as on a busy server: the next post must not
    // wait for it (it once reused the spent one-time key and was answered as the same invitation).
    await admin.route(/_data=routes%2Fadmin\.people\._index/, async (route) => {
      if (route.request().method() === "GET") await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue();
    });
    const email = admin.getByLabel("Email");
    await email.fill("erin@example.org");
    await admin.getByRole("button", { name: "Create invitation link" }).click();
    await admin.getByRole("status").filter({ hasText: "Invitation for erin@example.org created" }).waitFor();
    await expect.poll(() => email.inputValue()).toBe("");
    for (const [typed, reason] of [
      ["erin@example.org", /open invitation already/],
      ["admin@example.com", /already has an account/],
    ] as const) {
      await email.fill(typed);
      await admin.getByRole("button", { name: "Create invitation link" }).click();
      await admin.locator("#email-error").filter({ hasText: reason }).waitFor();
      expect(await email.inputValue()).toBe(typed);
      expect(await email.getAttribute("aria-invalid")).toBe("true");
    }
    await admin.screenshot({ path: `${SHOTS}/invitation-refused.png`, fullPage: true });
    expect(errors).toEqual([]);
    await admin.context().close();
  });
});
