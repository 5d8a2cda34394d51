import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { action as loginAction, loader as loginLoader } from "~/routes/login";
import { action as logoutAction } from "~/routes/logout";
import { loader as rootLoader } from "~/root";
import { requireUser } from "~/auth/guard.server";
import { DEMO_PASSWORD } from "~/startup/demo-data.server";
import { dialects, seedDemo, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { cookieFrom } from "../helpers/users";

describe.each(dialects())("sessions on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  beforeAll(async () => {
    await seedDemo(ctx.db);
  });

  const signIn = async (cookie?: string) => {
    const response = await callRoute(
      loginAction,
      request("/login", {
        form: { email: "interviewer@example.com", password: DEMO_PASSWORD, redirectTo: "/" },
        cookie,
      }),
    );
    expect(response.status).toBe(302);
    return response.headers.get("Set-Cookie")!;
  };
  const whoIs = async (cookie: string) =>
    ((await (await callRoute(rootLoader, request("/", { cookie }))).json()) as { user: { email: string } | null }).user;
  const sessionRows = async () =>
    (
      await ctx.db
        .selectFrom("sessions")
        .select(sql<number>`count(*)::int`.as("n"))
        .executeTakeFirstOrThrow()
    ).n;

  it("issues an HttpOnly, SameSite=Lax cookie with a 12-hour life and a new token at every sign-in", async () => {
    const setCookie = await signIn();
    expect(setCookie).toMatch(/^panel_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Max-Age=43200/);
    const first = cookieFrom(setCookie);
    // Signing in again while holding a cookie (or a planted one) never keeps the old token.
    const second = cookieFrom(await signIn(first));
    const planted = cookieFrom(await signIn("panel_session=planted-by-someone-else"));
    expect(new Set([first, second, planted]).size).toBe(3);
    expect((await whoIs(second))?.email).toBe("interviewer@example.com");
    expect(await whoIs("panel_session=planted-by-someone-else")).toBeNull();
    // The session the second sign-in arrived with is revoked, not left alive beside the new one.
    expect(await whoIs(first)).toBeNull();
  });

  it("stores only a hash of the token, so a leaked table does not sign anyone in", async () => {
    const cookie = cookieFrom(await signIn());
    const token = decodeURIComponent(cookie.split("=")[1]);
    const ids = await ctx.db.selectFrom("sessions").select("id").execute();
    expect(ids.some((row) => token.includes(row.id) || row.id.includes(token))).toBe(false);
  });

  it("clears the cookie and deletes the session at sign-out", async () => {
    const cookie = cookieFrom(await signIn());
    const before = await sessionRows();
    const response = await callRoute(logoutAction, request("/logout", { method: "POST", cookie }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/login");
    const cleared = response.headers.get("Set-Cookie")!;
    expect(cleared).toMatch(/^panel_session=;/);
    expect(cleared).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    expect(await sessionRows()).toBe(before - 1);
    // The old cookie, replayed, is nobody.
    expect(await whoIs(cookie)).toBeNull();
  });

  it("refuses an expired session and sends the user to sign in again", async () => {
    const cookie = cookieFrom(await signIn());
    expect((await whoIs(cookie))?.email).toBe("interviewer@example.com");
    await ctx.db
      .updateTable("sessions")
      .set({ expires_at: new Date(Date.now() - 1000) })
      .execute();
    expect(await whoIs(cookie)).toBeNull();
    const guarded = await callRoute(({ request: req }) => requireUser(req), request("/interviews", { cookie }));
    expect(guarded.status).toBe(302);
    expect(guarded.headers.get("Location")).toBe("/login?redirectTo=%2Finterviews");
    // The sign-in page is shown again rather than bouncing home.
    expect((await callRoute(loginLoader, request("/login", { cookie }))).status).toBe(200);
  });

  it("refuses a session of a deactivated user at once", async () => {
    const cookie = cookieFrom(await signIn());
    await ctx.db.updateTable("users").set({ active: false }).where("email", "=", "interviewer@example.com").execute();
    try {
      expect(await whoIs(cookie)).toBeNull();
    } finally {
      await ctx.db.updateTable("users").set({ active: true }).where("email", "=", "interviewer@example.com").execute();
    }
  });
});
