import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { collectPageErrors, openPage, PHONE, seriousAxeViolations, signInAs, useBrowser } from "./helpers/browser";
import { useServer } from "./helpers/server";

const SHOTS = "/tmp/panel-screenshots";

// The first interview's time on the home page: [hour, zone] of "Wed 2 Dec 2026, 14:00 (Europe/London)".
async function firstInterviewTime(page: Page): Promise<[number, string]> {
  const text = (await page.locator(".interview-list li .muted").first().textContent()) ?? "";
  const [, hour, zone] = text.match(/, (\d{2}):\d{2} \(([^)]+)\)/) ?? [];
  return [Number(hour), zone];
}

// Issue 17 and issue 18 item 15: each person picks the zone Panel shows every time in.
describe("the account page's time zone in a browser", () => {
  const server = useServer();
  const chrome = useBrowser();

  it("changing one's zone changes how an interview time reads", async () => {
    const page = await openPage(chrome.browser);
    const errors = collectPageErrors(page);
    await signInAs(page, server.url, "interviewer@example.com");
    const [hourBefore, zoneBefore] = await firstInterviewTime(page);
    expect(zoneBefore).toBe("UTC");

    await page.getByRole("banner").getByRole("link", { name: "Account" }).click();
    await page.getByRole("heading", { name: "Your account" }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    const zone = page.getByLabel("Your time zone");
    expect(await zone.inputValue()).toBe("UTC");
    await zone.fill("Mars/Olympus_Mons");
    await page.getByRole("button", { name: "Save time zone" }).click();
    await expect
      .poll(() => page.locator("#timeZone-error").textContent())
      .toBe("Choose a time zone from the list, such as Europe/London");
    expect(await zone.getAttribute("aria-invalid")).toBe("true");

    await zone.fill("Asia/Tokyo");
    await page.getByRole("button", { name: "Save time zone" }).click();
    await page.getByRole("status").filter({ hasText: "Saved: times now show in Asia/Tokyo." }).waitFor();
    await page.screenshot({ path: `${SHOTS}/account-laptop.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}/account-phone.png`, fullPage: true });

    await page.getByRole("banner").getByRole("link", { name: "Home" }).click();
    await page.getByRole("heading", { name: /^Hello/ }).waitFor();
    const [hourAfter, zoneAfter] = await firstInterviewTime(page);
    expect(zoneAfter).toBe("Asia/Tokyo");
    expect((hourAfter - hourBefore + 24) % 24).toBe(9);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
