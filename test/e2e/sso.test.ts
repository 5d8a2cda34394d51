import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collectPageErrors, openPage, seriousAxeViolations, useBrowser } from "./helpers/browser";
import { freePort, startServer, type RunningServer } from "./helpers/server";
import { addAccount, startTestProvider, type TestProvider } from "../helpers/oidc-provider";

const SHOTS = "/tmp/panel-screenshots";

// The whole single sign-on round trip in Chromium: Panel's button, the provider's own login
// page, back signed in; then signing out through the provider's logout page.
describe("single sign-on in a browser", () => {
  const chrome = useBrowser();
  let provider: TestProvider;
  let server: RunningServer;

  beforeAll(async () => {
    // The provider registers Panel's redirect URI, so Panel's address is chosen first.
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    provider = await startTestProvider(url);
    addAccount(provider, { sub: "priya-at-idp", email: "interviewer@example.com", name: "Priya Raman" });
    server = await startServer(
      {
        PUBLIC_URL: url,
        OIDC_ISSUER: provider.issuer,
        OIDC_CLIENT_ID: provider.clientId,
        OIDC_CLIENT_SECRET: provider.clientSecret,
        OIDC_ALLOWED_DOMAINS: "example.com",
        OIDC_PROVIDER_NAME: "Acme SSO",
      },
      { port, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "panel-e2e-")) },
    );
  });
  afterAll(async () => {
    await server?.stop();
    await provider?.close();
  });

  it("signs in through the provider's login page from the login page's button, and out through its logout", async () => {
    const page = await openPage(chrome.browser);
    const errors = collectPageErrors(page);
    await page.goto(`${server.url}/login`);
    const button = page.getByRole("button", { name: "Sign in with Acme SSO" });
    await button.waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/login-sso.png`, fullPage: true });

    await button.click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByLabel("Work email").fill("interviewer@example.com");
    await page.getByRole("button", { name: "Continue" }).click();

    await page.waitForURL(`${server.url}/`);
    await page.getByRole("heading", { name: "Hello, Priya" }).waitFor();

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByRole("button", { name: "Yes, sign me out" }).click();
    await page.waitForURL(`${server.url}/login`);
    await page.goto(server.url);
    await expect.poll(() => page.url()).toBe(`${server.url}/login`);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("lets an admin create a provisioning token (shown once) and require SSO with a break-glass admin", async () => {
    const page = await openPage(chrome.browser);
    const errors = collectPageErrors(page);
    const passwordSignIn = async (path: string) => {
      await page.goto(`${server.url}${path}`);
      await page.getByLabel("Email").fill("admin@example.com");
      await page.getByLabel("Password").fill("demo-password");
      await page.getByRole("button", { name: "Sign in", exact: true }).click();
      await page.waitForURL(`${server.url}/`);
    };
    await passwordSignIn("/login");
    await page.getByRole("link", { name: "Single sign-on" }).click();
    await page.getByRole("heading", { name: "Single sign-on", level: 1 }).waitFor();
    await page.getByLabel("New token for").fill("Okta");
    await page.getByRole("button", { name: "Create token" }).click();
    const token = (await page.getByRole("status").locator("code").textContent())!;
    expect(token).toMatch(/^scim_/);
    const list = await fetch(
      `${server.url}/scim/v2/Users?filter=${encodeURIComponent('userName eq "admin@example.com"')}`,
      { headers: { Authorization: `Bearer ${token}` } },
    );
    expect(await list.json()).toMatchObject({ totalResults: 1 });

    await page.getByLabel("Require single sign-on").check();
    await page.getByLabel("Break-glass admin", { exact: true }).selectOption({ label: "Alex Kim (admin@example.com)" });
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved.").waitFor();
    await page.reload();
    expect(await page.getByText(/Copy this token/).count()).toBe(0); // shown once
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/admin-sso.png`, fullPage: true });

    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${server.url}/login`);
    await page.getByRole("button", { name: "Sign in with Acme SSO" }).waitFor();
    expect(await page.getByLabel("Password").count()).toBe(0);
    await passwordSignIn("/login?break-glass");
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it("lets a provisioning client post to /scim/v2 with a bearer token and no Origin, and nothing else", async () => {
    const body = JSON.stringify({
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
      userName: "new@example.com",
    });
    const post = (headers: Record<string, string>) =>
      fetch(`${server.url}/scim/v2/Users`, {
        method: "POST",
        headers: { "Content-Type": "application/scim+json", ...headers },
        body,
      });
    const refused = await post({ Authorization: "Bearer scim_guessed" });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("Content-Type")).toMatch(/^application\/scim\+json/);
    expect(await refused.json()).toMatchObject({
      schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"],
      status: "401",
    });
    // A cross-site post anywhere else is still refused by the same-origin check.
    expect(
      (
        await fetch(`${server.url}/logout`, {
          method: "POST",
          headers: { Origin: "https://evil.example" },
          redirect: "manual",
        })
      ).status,
    ).toBe(403);
  });
});
