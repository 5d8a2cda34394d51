import { describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { collectPageErrors, openPage, useBrowser } from "./helpers/browser";
import { useServer } from "./helpers/server";

// Issue 7's "done when": a team starting from an empty database (no demo data) sets up people,
// a position, a candidate and the loop, and runs it to a packet, all in the browser.
const ADMIN = { email: "founder@team.example", password: "founder-password-1" };
const PASSWORD = "a-team-password-1";

// Two hours ago on a London clock: feedback can only be submitted once an interview has started.
function twoHoursAgoInLondon(): { date: string; time: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: "Europe/London",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(new Date(Date.now() - 2 * 3_600_000))
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}

async function signIn(page: Page, url: string, email: string, password: string) {
  await page.goto(`${url}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${url}/`);
}

async function invite(admin: Page, email: string, role: string): Promise<string> {
  // After each invitation the page resets its form with a fresh key: type only once it has.
  await expect.poll(() => admin.getByLabel("Email").inputValue()).toBe("");
  await admin.getByLabel("Email").fill(email);
  await admin.getByRole("checkbox", { name: role, exact: true }).check();
  await admin.getByRole("button", { name: "Create invitation link" }).click();
  const notice = admin.getByRole("status").filter({ hasText: `Invitation for ${email} created` });
  await notice.waitFor();
  return (await notice.locator("code").textContent())!.trim();
}

async function accept(browser: Browser, link: string, name: string): Promise<void> {
  const page = await openPage(browser);
  await page.goto(link);
  await page.getByLabel("Your name").fill(name);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByLabel("Password again").fill(PASSWORD);
  await page.getByRole("button", { name: "Create my account" }).click();
  await page.getByRole("heading", { name: `Hello, ${name.split(" ")[0]}` }).waitFor();
  await page.context().close();
}

describe("a new team from an empty database", () => {
  const server = useServer({ DEMO_DATA: "0", ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password });
  const chrome = useBrowser();

  it("invites people, sets up a position, candidate and loop, and runs it to a packet", async () => {
    const onServer = (link: string) => link.replace(/^https?:\/\/[^/]+/, server.url);

    const admin = await openPage(chrome.browser);
    const adminErrors = collectPageErrors(admin);
    await signIn(admin, server.url, ADMIN.email, ADMIN.password);
    await admin.getByRole("link", { name: "People", exact: true }).click();
    const links = {
      recruiter: await invite(admin, "rhea@team.example", "Recruiter"),
      interviewer: await invite(admin, "ivan@team.example", "Interviewer"),
      committee: await invite(admin, "cora@team.example", "Hiring committee"),
    };
    expect(adminErrors).toEqual([]);
    await admin.context().close();
    await accept(chrome.browser, onServer(links.recruiter), "Rhea Recruiter");
    await accept(chrome.browser, onServer(links.interviewer), "Ivan Interviewer");
    await accept(chrome.browser, onServer(links.committee), "Cora Committee");

    const recruiter = await openPage(chrome.browser);
    await signIn(recruiter, server.url, "rhea@team.example", PASSWORD);
    await recruiter.goto(`${server.url}/positions/new`);
    await recruiter.getByLabel("Title").fill("Customer Experience Manager");
    await recruiter.getByLabel("Team").fill("Customer Success");
    await recruiter.getByLabel("Question kit").selectOption("customer-experience-manager");
    await recruiter.getByRole("button", { name: "Create position" }).click();
    await recruiter.waitForURL(/\/positions\/[0-9a-f-]+$/);
    await recruiter.goto(`${server.url}/candidates/new`);
    await recruiter.getByLabel("Name").fill("Noor Haddad");
    await recruiter.getByLabel("Email").fill("noor@example.org");
    await recruiter.getByLabel("Position").selectOption({ label: "Customer Experience Manager (Customer Success)" });
    await recruiter.getByRole("button", { name: "Add candidate" }).click();
    await recruiter.getByRole("heading", { name: "Noor Haddad" }).waitFor();
    const candidateUrl = recruiter.url();
    await recruiter.getByRole("link", { name: "Schedule interview" }).click();
    await recruiter.getByLabel("Interviewer").selectOption({ label: "Ivan Interviewer (ivan@team.example)" });
    const when = twoHoursAgoInLondon();
    await recruiter.getByLabel("Date").fill(when.date);
    await recruiter.getByLabel("Start time").fill(when.time);
    await recruiter.getByRole("checkbox", { name: /This interview is in the past/ }).check();
    await recruiter.getByLabel("Time zone", { exact: true }).fill("Europe/London");
    await recruiter.getByRole("checkbox", { name: "Ownership", exact: true }).check();
    await recruiter.getByRole("checkbox", { name: /difficult customer/ }).check();
    await recruiter.getByRole("button", { name: "Schedule interview" }).click();
    await recruiter.waitForURL(candidateUrl);
    await recruiter.goto(`${candidateUrl}/committee`);
    await recruiter.getByRole("checkbox", { name: /Cora Committee/ }).check();
    await recruiter.getByRole("button", { name: "Save committee" }).click();
    await recruiter.waitForURL(candidateUrl);
    await recruiter.context().close();

    const interviewer = await openPage(chrome.browser);
    const interviewerErrors = collectPageErrors(interviewer);
    await signIn(interviewer, server.url, "ivan@team.example", PASSWORD);
    await interviewer
      .getByRole("region", { name: /Feedback due/ })
      .getByRole("link", { name: "Noor Haddad" })
      .click();
    await interviewer
      .getByLabel("Your notes")
      .first()
      .fill("Took the escalation call herself; cut open tickets from 40 to 6 in two weeks.");
    for (const name of [
      "Ownership",
      "Problem Solving",
      "Execution",
      "Collaboration",
      "Communication",
      "Leadership / Influence",
      "Culture Fit",
    ]) {
      await interviewer
        .getByRole("group", { name })
        .getByRole("radio", { name: /Meets\+$/ })
        .check();
    }
    await interviewer.getByRole("radio", { name: "👍 Hire", exact: true }).check();
    await interviewer.getByLabel("Formal summary").fill("Owned a hard escalation end to end and measured the result.");
    await interviewer.getByRole("button", { name: "Submit scorecard" }).click();
    await interviewer.getByRole("heading", { name: "Your scorecard" }).waitFor();
    expect(interviewerErrors).toEqual([]);
    await interviewer.context().close();

    const committee = await openPage(chrome.browser);
    const committeeErrors = collectPageErrors(committee);
    await signIn(committee, server.url, "cora@team.example", PASSWORD);
    await committee.getByRole("link", { name: "Packet" }).first().click();
    await committee.getByRole("heading", { name: "Noor Haddad" }).first().waitFor();
    await expect
      .poll(() =>
        committee.getByText("Owned a hard escalation end to end and measured the result.").first().isVisible(),
      )
      .toBe(true);
    expect(await committee.getByText("Ivan Interviewer").count()).toBeGreaterThan(0);
    expect(committeeErrors).toEqual([]);
    await committee.context().close();
  }, 180_000);
});
