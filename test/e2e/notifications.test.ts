import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtp, type TestSmtp } from "../helpers/smtp";
import { collectPageErrors, openPage, PHONE, seriousAxeViolations, signInAs, useBrowser } from "./helpers/browser";
import { freePort, startServer, useServer, type RunningServer } from "./helpers/server";

const SHOTS = "/tmp/panel-screenshots";

describe("a fresh start with demo data and SMTP_URL", () => {
  const chrome = useBrowser();
  let smtp: TestSmtp;
  let server: RunningServer;

  beforeAll(async () => {
    smtp = await startSmtp();
    const port = await freePort();
    server = await startServer({
      PORT: String(port),
      SMTP_URL: smtp.url,
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      MAIL_FROM: "Panel <panel@example.test>",
    });
  });
  afterAll(async () => {
    await server?.stop();
    await smtp?.close();
  });

  it("mails the overdue demo interviewer a reminder within a minute whose link opens their scorecard", async () => {
    const mail = await smtp.waitForMail("interviewer@example.com", /^Feedback on Aisha Bello/, 60_000);
    const link = mail.text?.match(new RegExp(`${server.url}/interviews/[0-9a-f-]{36}`))?.[0];
    expect(link).toBeTruthy();
    const page = await openPage(chrome.browser);
    const errors = collectPageErrors(page);
    await signInAs(page, server.url, "interviewer@example.com");
    await page.waitForURL(`${server.url}/`);
    await page.goto(link!);
    await page
      .getByRole("heading", { name: /Aisha Bello/ })
      .first()
      .waitFor();
    expect(errors).toEqual([]);
  });
});

describe("without SMTP_URL, the outbox and the jobs page", () => {
  const server = useServer();
  const chrome = useBrowser();

  it("keeps the same reminders in the outbox for the admin to read, and shows the jobs that handled them", async () => {
    const page = await openPage(chrome.browser);
    const errors = collectPageErrors(page);
    await signInAs(page, server.url, "admin@example.com");
    await page.waitForURL(`${server.url}/`);
    await expect
      .poll(
        async () => {
          await page.goto(`${server.url}/admin/outbox`);
          return page
            .getByText(
              /Feedback on Aisha Bello is waiting for you — to interviewer@example.com · Kept \(no mail server\)/,
            )
            .count();
        },
        { timeout: 60_000, interval: 1000 },
      )
      .toBeGreaterThan(0);
    await page
      .getByText(/Feedback on Aisha Bello is waiting for you — to interviewer@example.com/)
      .first()
      .click();
    const opened = page.locator("details[open]");
    await expect.poll(() => opened.first().getByText("Open the scorecard").isVisible()).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/outbox.png`, fullPage: true });

    await page.getByRole("link", { name: "Jobs" }).click();
    await page.getByRole("heading", { name: "Background jobs" }).waitFor();
    expect(await page.getByRole("cell", { name: "mail.send" }).count()).toBeGreaterThan(0);
    expect(await page.getByRole("cell", { name: "Done" }).count()).toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/jobs.png`, fullPage: true });
    expect(errors).toEqual([]);
  });

  it("shows the admin's refusals beside the field on the reminder and webhook pages, on a phone", async () => {
    const page = await openPage(chrome.browser, PHONE);
    const errors = collectPageErrors(page);
    await signInAs(page, server.url, "admin@example.com");
    await page.waitForURL(`${server.url}/`);
    await page.goto(`${server.url}/admin/notifications`);
    const hour = page.getByLabel("Then daily at this hour (0–23)");
    await hour.fill("25");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("At most 23").waitFor();
    expect(await hour.getAttribute("aria-invalid")).toBe("true");
    await page.screenshot({ path: `${SHOTS}/reminders-refused-390.png`, fullPage: true });
    await hour.fill("9");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByRole("status").getByText("Saved.").waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.goto(`${server.url}/admin/webhooks`);
    await page.getByLabel("URL").fill("ftp://example.com/hook");
    await page.getByRole("button", { name: "Add endpoint" }).click();
    await page.getByText(/Enter the endpoint's full URL|Use an https:\/\/ address/).waitFor();
    expect(await page.getByLabel("URL").getAttribute("aria-invalid")).toBe("true");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/webhooks-refused-390.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
