import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseEnv, useSettings } from "~/env.server";
import { action as startAction } from "~/routes/auth.oidc";
import { loader as callbackLoader } from "~/routes/auth.oidc_.callback";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { loader as rootLoader } from "~/root";
import { changeSsoPolicy } from "~/auth/sso-policy.server";
import { setActive } from "~db/queries/people";
import { dialects, useTestDatabase } from "../helpers/db";
import { callRoute, request, TEST_ORIGIN } from "../helpers/http";
import { addAccount, loginAtProvider, startTestProvider, type TestProvider } from "../helpers/oidc-provider";
import { cookieFrom, createTestUser, signedInCookie } from "../helpers/users";

// Single sign-on against a real OpenID provider (node-oidc-provider) started here: Panel's
// routes are called with real Requests, the provider is driven over HTTP like a browser would.
let provider: TestProvider;
let serial = 0;

const settings = (extra: Record<string, string> = {}) =>
  useSettings(
    parseEnv({
      NODE_ENV: "test",
      SESSION_SECRET: process.env.SESSION_SECRET,
      PUBLIC_URL: TEST_ORIGIN,
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.clientId,
      OIDC_CLIENT_SECRET: provider.clientSecret,
      OIDC_ALLOWED_DOMAINS: "example.com, example.org",
      OIDC_PROVIDER_NAME: "Test IdP",
      OIDC_SCOPES: "openid email profile groups",
      ...extra,
    }),
  );

beforeAll(async () => {
  provider = await startTestProvider(TEST_ORIGIN);
});
afterAll(async () => {
  useSettings(parseEnv({ NODE_ENV: "test", SESSION_SECRET: process.env.SESSION_SECRET }));
  await provider.close();
});

const account = (extra: Partial<Parameters<typeof addAccount>[1]> = {}) => {
  serial += 1;
  return addAccount(provider, {
    sub: `sub-${serial}-${Date.now()}`,
    email: `person${serial}-${Date.now()}@example.com`,
    ...extra,
  });
};

// The browser's round trip: the button's post, the provider's login page, back to the callback.
async function startSignIn() {
  const start = await callRoute(startAction, request("/auth/oidc", { form: { redirectTo: "/candidates" } }));
  expect(start.status).toBe(302);
  return { authorizeUrl: start.headers.get("Location")!, pending: cookieFrom(start.headers.get("Set-Cookie")) };
}
const callback = (url: string, pending: string) => callRoute(callbackLoader, request(url, { cookie: pending }));
async function signInAs(email: string) {
  const { authorizeUrl, pending } = await startSignIn();
  const back = await loginAtProvider(authorizeUrl, email);
  return { response: await callback(back, pending), back, pending };
}
const sessionCookie = (response: Response) =>
  cookieFrom(response.headers.getSetCookie().find((c) => c.startsWith("panel_session="))!);
const whoIs = async (cookie: string) =>
  (
    (await (await callRoute(rootLoader, request("/", { cookie }))).json()) as {
      user: { id: string; email: string; roles: string[] } | null;
    }
  ).user;
const message = async (response: Response) => ((await response.json()) as { errors: { form: string } }).errors.form;

describe.each(dialects())("OIDC sign-in on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  beforeEach(() => settings());
  const lastFailure = async () =>
    (
      (
        await ctx.db
          .selectFrom("audit_log")
          .select("details")
          .where("action", "=", "sign-in.failed")
          .orderBy("id", "desc")
          .executeTakeFirstOrThrow()
      ).details as { reason: string }
    ).reason;
  const userByEmail = (email: string) =>
    ctx.db.selectFrom("users").select(["id", "active"]).where("email", "=", email).execute();

  it("offers the provider on the login page and creates a first-time user as an interviewer", async () => {
    const page = (await (await callRoute(loginLoader, request("/login"))).json()) as {
      sso: { providerName: string };
      passwordForm: boolean;
    };
    expect(page).toMatchObject({ sso: { providerName: "Test IdP" }, passwordForm: true });

    const person = account({ name: "Ada Jit" });
    const { response } = await signInAs(person.email);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/candidates");
    const user = await whoIs(sessionCookie(response));
    expect(user).toMatchObject({ email: person.email, roles: ["interviewer"] });
    const identity = await ctx.db
      .selectFrom("user_identities")
      .selectAll()
      .where("user_id", "=", user!.id)
      .executeTakeFirstOrThrow();
    expect(identity).toMatchObject({ issuer: provider.issuer, subject: person.sub });
    // The session and its audit row name the provider.
    const session = await ctx.db
      .selectFrom("sessions")
      .select(["provider", "id_token"])
      .where("user_id", "=", user!.id)
      .executeTakeFirstOrThrow();
    expect(session.provider).toBe(provider.issuer);
    expect(session.id_token).toMatch(/^ey/);
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["details"])
      .where("action", "=", "sign-in")
      .where("actor_id", "=", user!.id)
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ provider: provider.issuer });
    // A second sign-in finds the same account.
    const again = await signInAs(person.email);
    expect((await whoIs(sessionCookie(again.response)))!.id).toBe(user!.id);
  });

  it("refuses an email domain that is not allowed, and creates nobody", async () => {
    const person = account({ email: `outsider-${Date.now()}@elsewhere.test` });
    const { response } = await signInAs(person.email);
    expect(response.status).toBe(403);
    expect(await message(response)).toMatch(/elsewhere\.test cannot sign in/);
    expect(await userByEmail(person.email)).toEqual([]);
  });

  it("refuses a replayed callback, a state from another sign-in and a nonce that does not match", async () => {
    const person = account();
    const first = await signInAs(person.email);
    expect(first.response.status).toBe(302);
    // The same callback again (same browser cookie, same code): the pending sign-in is gone.
    const replay = await callback(first.back, first.pending);
    expect(replay.status).toBe(400);
    expect(await message(replay)).toMatch(/expired or was already used/);

    // This browser's pending sign-in, another sign-in's answer: state does not match.
    const mine = await startSignIn();
    const theirs = await startSignIn();
    const theirBack = await loginAtProvider(theirs.authorizeUrl, person.email);
    const crossed = await callback(theirBack, mine.pending);
    expect(crossed.status).toBe(400);
    expect(await lastFailure()).toMatch(/state/);

    // The ID token's nonce must be the one this sign-in sent.
    const next = await startSignIn();
    await ctx.db.updateTable("oidc_sign_ins").set({ nonce: "not-the-nonce-we-sent" }).execute();
    const wrongNonce = await callback(await loginAtProvider(next.authorizeUrl, person.email), next.pending);
    expect(wrongNonce.status).toBe(400);
    expect(await lastFailure()).toMatch(/nonce/);

    // No cookie at all (another browser): nothing to finish.
    const other = await startSignIn();
    const stranger = await callRoute(callbackLoader, request(await loginAtProvider(other.authorizeUrl, person.email)));
    expect(stranger.status).toBe(400);
  });

  it("links an existing password account with the same verified email instead of duplicating it", async () => {
    const existing = await createTestUser(ctx.db, {
      email: `linked-${Date.now()}@example.org`,
      roles: ["recruiter"],
      password: "a-long-password-1",
    });
    const person = account({ email: existing.email });
    const { response } = await signInAs(person.email);
    expect(response.status).toBe(302);
    expect(await whoIs(sessionCookie(response))).toMatchObject({ id: existing.id, roles: ["recruiter"] });
    expect(await userByEmail(existing.email)).toHaveLength(1);
    const linked = await ctx.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "user.link-sso")
      .where("subject_id", "=", existing.id)
      .execute();
    expect(linked).toHaveLength(1);

    // An address the provider has not verified does not take over someone's account.
    const victim = await createTestUser(ctx.db, { email: `victim-${Date.now()}@example.com` });
    const unverified = account({ email: victim.email, email_verified: false });
    const refused = await signInAs(unverified.email);
    expect(refused.response.status).toBe(403);
    expect(await message(refused.response)).toMatch(/did not confirm/);
    expect(
      await ctx.db.selectFrom("user_identities").select("subject").where("user_id", "=", victim.id).execute(),
    ).toEqual([]);
  });

  it("refuses a deactivated user with a page that says so", async () => {
    const person = account();
    const first = await signInAs(person.email);
    const user = (await whoIs(sessionCookie(first.response)))!;
    await setActive(ctx.db, user.id, false);
    const { response } = await signInAs(person.email);
    expect(response.status).toBe(403);
    expect(await message(response)).toMatch(/deactivated/);
    expect(
      response.headers.getSetCookie().some((c) => c.startsWith("panel_session=") && !c.startsWith("panel_session=;")),
    ).toBe(false);
  });

  it("maps the role claim to Panel's roles at every sign-in, audited", async () => {
    settings({
      OIDC_ROLE_CLAIM: "groups",
      OIDC_ROLE_MAP: "panel-admins=admin,recruiting=recruiter,hiring-committee=committee",
    });
    await createTestUser(ctx.db, { roles: ["admin"] }); // so the mapped user is not the last admin
    const person = account({ groups: ["recruiting", "unrelated"] });
    const first = await signInAs(person.email);
    const user = (await whoIs(sessionCookie(first.response)))!;
    expect(user.roles).toEqual(["recruiter"]);

    provider.accounts.set(person.sub, { ...person, groups: ["hiring-committee", "panel-admins"] });
    const second = await signInAs(person.email);
    expect((await whoIs(sessionCookie(second.response)))!.roles).toEqual(["committee", "admin"]);
    const change = await ctx.db
      .selectFrom("audit_log")
      .select(["actor_id", "details"])
      .where("action", "=", "user.roles")
      .where("subject_id", "=", user.id)
      .executeTakeFirstOrThrow();
    expect(change.details).toEqual({ before: ["recruiter"], after: ["committee", "admin"] });

    // No recognised value: back to the base role rather than none.
    provider.accounts.set(person.sub, { ...person, groups: [] });
    const third = await signInAs(person.email);
    expect((await whoIs(sessionCookie(third.response)))!.roles).toEqual(["interviewer"]);
  });

  it("keeps the last active admin an admin whatever the role claim says", async () => {
    settings({ OIDC_ROLE_CLAIM: "groups", OIDC_ROLE_MAP: "panel-admins=admin" });
    const admins = await ctx.db.selectFrom("user_roles").select("user_id").where("role", "=", "admin").execute();
    for (const { user_id } of admins) await setActive(ctx.db, user_id, false);
    const person = account({ groups: ["panel-admins"] });
    const first = await signInAs(person.email);
    expect((await whoIs(sessionCookie(first.response)))!.roles).toEqual(["admin"]);
    provider.accounts.set(person.sub, { ...person, groups: [] });
    const second = await signInAs(person.email);
    expect((await whoIs(sessionCookie(second.response)))!.roles).toEqual(["admin"]);
    for (const { user_id } of admins) await setActive(ctx.db, user_id, true);
  });

  it("signs out through the provider's end_session_endpoint (RP-initiated logout)", async () => {
    const person = account();
    const { response } = await signInAs(person.email);
    const cookie = sessionCookie(response);
    const out = await callRoute(logoutAction, request("/logout", { form: {}, cookie }));
    expect(out.status).toBe(302);
    const location = new URL(out.headers.get("Location")!);
    expect(location.origin).toBe(provider.issuer);
    expect(location.searchParams.get("post_logout_redirect_uri")).toBe(`${TEST_ORIGIN}/login`);
    expect(location.searchParams.get("id_token_hint")).toMatch(/^ey/);
    expect(await whoIs(cookie)).toBeNull();
    // The provider accepts the request (an unknown hint or redirect would be its error page).
    const page = await fetch(location, { redirect: "manual" });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("/session/end/confirm");

    // A password session just ends.
    const password = await createTestUser(ctx.db);
    const plain = await callRoute(
      logoutAction,
      request("/logout", { form: {}, cookie: await signedInCookie(password.id) }),
    );
    expect(plain.headers.get("Location")).toBe("/login");
  });

  it("hides password sign-in when SSO is required, except on the break-glass path for the named admin", async () => {
    const admin = await createTestUser(ctx.db, {
      roles: ["admin"],
      email: `glass-${Date.now()}@example.com`,
      password: "break-glass-password",
    });
    const other = await createTestUser(ctx.db, { roles: ["admin"], password: "another-password-1" });
    const actor = { id: admin.id, email: admin.email, name: admin.name, roles: ["admin" as const] };
    await expect(changeSsoPolicy(actor, { ssoRequired: true, breakGlassUserId: null })).rejects.toThrow(/active admin/);
    await changeSsoPolicy(actor, { ssoRequired: true, breakGlassUserId: admin.id });

    const page = async (path: string) =>
      (await (await callRoute(loginLoader, request(path))).json()) as { passwordForm: boolean };
    expect((await page("/login")).passwordForm).toBe(false);
    expect((await page("/login?break-glass")).passwordForm).toBe(true);
    const signIn = (email: string, password: string) =>
      callRoute(loginAction, request("/login?break-glass", { form: { email, password, redirectTo: "/" } }));
    expect((await signIn(other.email, "another-password-1")).status).toBe(403);
    expect((await signIn(admin.email, "break-glass-password")).status).toBe(302);
    await changeSsoPolicy(actor, { ssoRequired: false, breakGlassUserId: null });
    expect((await signIn(other.email, "another-password-1")).status).toBe(302);
  });

  it("answers 404 on the start route, and no button, when single sign-on is not configured", async () => {
    useSettings(parseEnv({ NODE_ENV: "test", SESSION_SECRET: process.env.SESSION_SECRET }));
    expect((await callRoute(startAction, request("/auth/oidc", { form: {} }))).status).toBe(404);
    expect(((await (await callRoute(loginLoader, request("/login"))).json()) as { sso: unknown }).sso).toBeNull();
  });
});

describe("OIDC settings", () => {
  it("needs the four core settings together and a valid role map", () => {
    expect(() => parseEnv({ NODE_ENV: "test", OIDC_ISSUER: "https://id.example.com" })).toThrow(
      /OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_ALLOWED_DOMAINS must be set too/,
    );
    const core = {
      NODE_ENV: "test" as const,
      OIDC_ISSUER: "https://id.example.com",
      OIDC_CLIENT_ID: "panel",
      OIDC_CLIENT_SECRET: "s",
      OIDC_ALLOWED_DOMAINS: "example.com",
    };
    expect(() => parseEnv({ ...core, OIDC_ROLE_MAP: "admins=boss" })).toThrow(/OIDC_ROLE_MAP has "admins=boss"/);
    expect(() => parseEnv({ ...core, OIDC_ALLOWED_DOMAINS: "not a domain" })).toThrow(/OIDC_ALLOWED_DOMAINS/);
    expect(parseEnv({ ...core, OIDC_ROLE_MAP: "a=admin, b=recruiter,c=admin" }).OIDC_ROLE_MAP).toEqual({
      a: ["admin"],
      b: ["recruiter"],
      c: ["admin"],
    });
  });
});
