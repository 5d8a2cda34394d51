import { describe, expect, it } from "vitest";
import {
  collectPageErrors,
  openPage,
  PHONE,
  seriousAxeViolations,
  signInWithForm,
  useBrowser,
} from "./helpers/browser";
import { useServer } from "./helpers/server";

const SHOTS = "/tmp/panel-screenshots";

describe("signing in with a browser", () => {
  const server = useServer();
  const chrome = useBrowser();

  it("shows the demo interviewer their interviews by feedback state, then signs out", async () => {
    const page = await openPage(chrome.browser);
    const errors = collectPageErrors(page);

    await page.goto(server.url);
    await expect.poll(() => page.url()).toBe(`${server.url}/login`);
    await expect.poll(() => page.getByRole("heading", { name: "Sign in" }).isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/login-laptop.png`, fullPage: true });

    await signInWithForm(page, server.url, "interviewer@example.com");
    await page.waitForURL(`${server.url}/`);
    await page.getByRole("heading", { name: "Hello, Priya" }).waitFor();

    const group = (title: string) => page.getByRole("region", { name: title });
    expect(await group("Overdue feedback").getByRole("link").allTextContents()).toEqual(["Aisha Bello"]);
    expect(await group("Feedback due").getByRole("link").allTextContents()).toEqual(["Tomás Silva"]);
    expect(await group("Upcoming interviews").getByRole("link").allTextContents()).toEqual(["Aisha Bello"]);
    expect(await group("Submitted").getByRole("link").allTextContents()).toEqual(["Jordan Rivera"]);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/home-laptop.png`, fullPage: true });
    await page.setViewportSize(PHONE);
    await page.screenshot({ path: `${SHOTS}/home-phone.png`, fullPage: true });

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${server.url}/login`);
    await page.screenshot({ path: `${SHOTS}/login-phone.png`, fullPage: true });
    await page.goto(server.url);
    await expect.poll(() => page.url()).toBe(`${server.url}/login`);

    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("shows the generic message for a wrong password and stays on /login", async () => {
    const page = await openPage(chrome.browser, PHONE);
    const errors = collectPageErrors(page);
    await signInWithForm(page, server.url, "interviewer@example.com", "not-the-password");
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toBe("That email and password do not match an account.");
    expect(new URL(page.url()).pathname).toBe("/login");
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
