import { describe, expect, it } from "vitest";
import * as home from "~/routes/_index";
import * as login from "~/routes/login";
import * as logout from "~/routes/logout";
import { requireUser } from "~/auth/guard.server";
import { dialects, useTestDatabase } from "../../helpers/db";
import { callRoute, request } from "../../helpers/http";
import { cookieFrom, createTestUser, signedInCookie } from "../../helpers/users";

const PASSWORD = "correct horse battery staple";
const WRONG = "That email and password do not match an account.";

const signIn = (email: string, password: string, redirectTo?: string) =>
  callRoute(login.action, request("/login", { form: { email, password, ...(redirectTo ? { redirectTo } : {}) } }));

const formError = async (response: Response) => ((await response.json()) as { errors: { form?: string } }).errors.form;
const failureOf = async (response: Response) => (await response.json()) as { ok: boolean; code: string };

describe.each(dialects())("signing in on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("gives the same answer for an unknown email and a wrong password", async () => {
    const user = await createTestUser(ctx.db, { password: PASSWORD });
    const unknown = await signIn("nobody@example.test", PASSWORD);
    const wrong = await signIn(user.email, "not the password");
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(await formError(unknown)).toBe(WRONG);
    expect(await formError(wrong)).toBe(WRONG);
    expect(unknown.headers.get("Set-Cookie")).toBeNull();
  });

  it("answers a refused sign-in in the one failure shape, with its own code", async () => {
    const user = await createTestUser(ctx.db, { password: PASSWORD });
    const refused = await signIn(user.email, "not the password");
    expect(await failureOf(refused)).toMatchObject({ ok: false, code: "unauthenticated" });
    for (let attempt = 1; attempt <= 5; attempt++) await signIn(user.email, `guess ${attempt}`);
    const slowed = await signIn(user.email, PASSWORD);
    expect(await failureOf(slowed)).toMatchObject({
      ok: false,
      code: "too-many",
      retryAfterSeconds: expect.any(Number),
    });
    expect(Number(slowed.headers.get("Retry-After"))).toBeGreaterThan(0);
  });

  it("slows repeated wrong guesses down with a clear wait, even against the right password", async () => {
    const user = await createTestUser(ctx.db, { password: PASSWORD });
    for (let attempt = 1; attempt <= 6; attempt++) {
      expect(await formError(await signIn(user.email, `guess ${attempt}`))).toBe(WRONG);
    }
    const slowed = await signIn(user.email, PASSWORD);
    expect(slowed.status).toBe(429);
    expect(await formError(slowed)).toMatch(/^Too many sign-in attempts\. Try again in \d+ seconds?\.$/);
    expect(slowed.headers.get("Set-Cookie")).toBeNull();
  });

  it("sets an HttpOnly, SameSite=Lax session cookie for the whole site and a new one at each sign-in", async () => {
    const user = await createTestUser(ctx.db, { password: PASSWORD });
    const first = await signIn(user.email, PASSWORD);
    const second = await signIn(user.email.toUpperCase(), PASSWORD);
    expect(first.status).toBe(302);
    expect(first.headers.get("Location")).toBe("/");
    const setCookie = first.headers.get("Set-Cookie")!;
    expect(setCookie).toMatch(/^panel_session=[^;]+;/);
    expect(setCookie).toContain("; HttpOnly");
    expect(setCookie).toContain("; SameSite=Lax");
    expect(setCookie).toContain("; Path=/");
    expect(cookieFrom(second.headers.get("Set-Cookie"))).not.toBe(cookieFrom(setCookie));
  });

  it("follows a same-site redirectTo and ignores one to another host", async () => {
    const user = await createTestUser(ctx.db, { password: PASSWORD });
    expect((await signIn(user.email, PASSWORD, "/candidates?tab=open")).headers.get("Location")).toBe(
      "/candidates?tab=open",
    );
    expect((await signIn(user.email, PASSWORD, "//evil.example/steal")).headers.get("Location")).toBe("/");
  });

  it("signs out by deleting the session row, leaving the user's other sessions alone", async () => {
    const user = await createTestUser(ctx.db);
    const laptop = await signedInCookie(user.id);
    const phone = await signedInCookie(user.id);
    expect((await callRoute(home.loader, request("/", { cookie: laptop }))).status).toBe(200);

    const out = await callRoute(logout.action, request("/logout", { method: "POST", cookie: laptop }));
    expect(out.status).toBe(302);
    expect(out.headers.get("Location")).toBe("/login");
    expect(out.headers.get("Set-Cookie")).toMatch(/^panel_session=; Max-Age=0;/);
    expect((await callRoute(home.loader, request("/", { cookie: laptop }))).headers.get("Location")).toBe("/login");
    expect((await callRoute(home.loader, request("/", { cookie: phone }))).status).toBe(200);
    const rows = await ctx.db.selectFrom("sessions").select("id").where("user_id", "=", user.id).execute();
    expect(rows).toHaveLength(1);
  });

  it("does not sign out on a GET to /logout", async () => {
    const user = await createTestUser(ctx.db);
    const cookie = await signedInCookie(user.id);
    expect((await callRoute(logout.loader, request("/logout", { cookie }))).headers.get("Location")).toBe("/");
    expect((await callRoute(home.loader, request("/", { cookie }))).status).toBe(200);
  });

  it("treats an expired session as signed out", async () => {
    const user = await createTestUser(ctx.db);
    const cookie = await signedInCookie(user.id);
    await ctx.db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where("user_id", "=", user.id)
      .execute();
    expect((await callRoute(home.loader, request("/", { cookie }))).headers.get("Location")).toBe("/login");
  });
});

describe.each(dialects())("the sign-in guard on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("sends an anonymous visitor of the home page to /login", async () => {
    const response = await callRoute(home.loader, request("/"));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login");
  });

  it("remembers where an anonymous visitor was going", async () => {
    const thrown = await requireUser(request("/interviews/123?tab=notes")).catch((response: Response) => response);
    expect((thrown as Response).headers.get("Location")).toBe("/login?redirectTo=%2Finterviews%2F123%3Ftab%3Dnotes");
  });

  it("shows /login to anonymous visitors and sends signed-in users home", async () => {
    expect((await callRoute(login.loader, request("/login"))).status).toBe(200);
    const user = await createTestUser(ctx.db);
    const cookie = await signedInCookie(user.id);
    expect((await callRoute(login.loader, request("/login", { cookie }))).headers.get("Location")).toBe("/");
  });

  it("ignores a session cookie that was not signed with our secret", async () => {
    const user = await createTestUser(ctx.db);
    const forged = (await signedInCookie(user.id)).replace(/\.[^.]+$/, ".forged");
    expect((await callRoute(home.loader, request("/", { cookie: forged }))).headers.get("Location")).toBe("/login");
  });
});
