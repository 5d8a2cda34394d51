import { afterAll, describe, expect, it } from "vitest";
import { collectPageErrors, openPage, signInAs, useBrowser } from "./helpers/browser";
import { startServer, type RunningServer } from "./helpers/server";

// The server dies (SIGKILL, as a crash or an out-of-memory kill) with an autosave on the wire,
// comes back on the same port and PGlite folder, and the interviewer reopens the page: the copy
// this browser kept is offered back and restoring it brings back every word typed.
describe("the server killed in the middle of an autosave", () => {
  const chrome = useBrowser();
  const servers: RunningServer[] = [];
  afterAll(async () => {
    for (const server of servers.reverse()) await server.stop();
  });

  it("offers the kept copy after the restart and restores everything typed", async () => {
    const first = await startServer();
    servers.push(first);
    const page = await openPage(chrome.browser);
    const errors = collectPageErrors(page);
    await signInAs(page, first.url, "interviewer@example.com");
    await page.waitForURL(`${first.url}/`);
    await page.getByRole("region", { name: "Overdue feedback" }).getByRole("link", { name: "Aisha Bello" }).click();
    await page.getByRole("heading", { name: /Aisha Bello/ }).waitFor();
    const interviewUrl = page.url();

    const notes = page.getByLabel("General notes");
    await notes.fill("Saved before the crash: renewal at risk.");
    await expect.poll(() => page.getByRole("status").first().textContent(), { timeout: 10_000 }).toMatch(/^Saved/);

    // The next autosave reaches the network and the server dies under it.
    let killedMidSave = false;
    await page.route("**/scorecard", async (route) => {
      if (route.request().method() !== "POST" || killedMidSave) return route.continue();
      killedMidSave = true;
      await first.kill();
      await route.continue().catch(() => {});
    });
    const typed =
      "Saved before the crash: renewal at risk.\nTyped while it died: 14 of 40 tickets traced to one cause — “I” not “we” 👍";
    await notes.fill(typed);
    await expect.poll(() => killedMidSave, { timeout: 10_000 }).toBe(true);
    await expect
      .poll(() => page.getByRole("status").first().textContent(), { timeout: 10_000 })
      .toBe("Offline — kept on this device");
    // Closed before the server is back, so no retry from this tab can deliver it behind our back.
    await page.close();

    const second = await startServer({}, { port: first.port, dataDir: first.dataDir });
    servers.push(second);
    expect(second.url).toBe(first.url);

    const reopened = await page.context().newPage();
    const reopenedErrors = collectPageErrors(reopened);
    await reopened.goto(interviewUrl);
    await reopened.getByRole("heading", { name: /Aisha Bello/ }).waitFor();
    // The server has only what it acknowledged before dying.
    expect(await reopened.getByLabel("General notes").inputValue()).toBe("Saved before the crash: renewal at risk.");
    await reopened.getByRole("button", { name: "Restore them" }).click();
    expect(await reopened.getByLabel("General notes").inputValue()).toBe(typed);
    await expect.poll(() => reopened.getByRole("status").first().textContent(), { timeout: 10_000 }).toMatch(/^Saved/);

    await reopened.reload();
    await expect.poll(() => reopened.getByLabel("General notes").inputValue()).toBe(typed);
    expect(await reopened.getByRole("button", { name: "Restore them" }).count()).toBe(0);
    // Chromium logs the failed request of the killed save; nothing else may have gone wrong.
    expect(
      errors.filter((e) => !/ERR_(CONNECTION_REFUSED|EMPTY_RESPONSE|CONNECTION_RESET|FAILED)|Failed to fetch/.test(e)),
    ).toEqual([]);
    expect(reopenedErrors).toEqual([]);
    await reopened.context().close();
  });
});
