import crypto from "node:crypto";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { dialects, seedDemo, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { createTestUser, signedInCookie, signedInCookieFor } from "../helpers/users";
import { action as invite, loader as peoplePage } from "~/routes/admin.people._index";
import { action as person } from "~/routes/admin.people.$userId";
import { action as manage, loader as openInvitations } from "~/routes/admin.invitations";
import { action as accept, loader as invitationPage } from "~/routes/invitations.$token";

describe.each(dialects())("revoking and resending invitations on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let admin: string;
  const logged: string[] = [];

  beforeAll(async () => {
    await seedDemo(ctx.db);
    admin = await signedInCookieFor(ctx.db, "admin@example.com");
  });
  const spies: { mockRestore(): void }[] = [];
  afterEach(() => spies.splice(0).forEach((spy) => spy.mockRestore()));

  // Everything the server writes to its log while `work` runs.
  async function capturingLogs<T>(work: () => Promise<T>): Promise<T> {
    for (const method of ["log", "info", "warn"] as const) {
      spies.push(vi.spyOn(console, method).mockImplementation((...args) => void logged.push(args.join(" "))));
    }
    return work();
  }
  const inviteAs = async (cookie: string, email: string, roles = "interviewer") => {
    const response = await callRoute(
      invite,
      request("/admin/people", { cookie, form: { email, roles, idempotencyKey: crypto.randomUUID() } }),
    );
    return { status: response.status, body: await response.json() };
  };
  const act = async (intent: string, invitationId: string, cookie = admin) => {
    const response = await callRoute(manage, request("/admin/invitations", { cookie, form: { intent, invitationId } }));
    const text = await response.text();
    return {
      status: response.status,
      body: response.headers.get("Content-Type")?.includes("json") ? JSON.parse(text) : text,
    };
  };
  const list = async () =>
    (await (await callRoute(openInvitations, request("/admin/invitations", { cookie: admin }))).json()).invitations as {
      id: string;
      email: string;
    }[];
  const tokenOf = (link: string) => link.split("/").pop()!;
  const pageFor = async (token: string) => {
    const response = await callRoute(invitationPage, request(`/invitations/${token}`), { token });
    return { status: response.status, body: await response.json() };
  };
  const acceptAs = (token: string) =>
    callRoute(
      accept,
      request(`/invitations/${token}`, {
        form: { email: "", name: "New Person", password: "a-long-password", confirm: "a-long-password" },
      }),
      { token },
    );

  it("lists open invitations; resend supersedes the old link (a double-click gets the same new one); revoke closes it, each with its reason", async () => {
    const created = await capturingLogs(() => inviteAs(admin, "dana@example.org"));
    expect(created.status).toBe(200);
    const firstLink: string = created.body.invited.link;
    const [row] = (await list()).filter((i) => i.email === "dana@example.org");
    expect(row).toBeDefined();

    const resent = await capturingLogs(() => act("resend", row.id));
    expect(resent.status).toBe(200);
    const secondLink: string = resent.body.done.link;
    expect(secondLink).not.toBe(firstLink);
    expect((await act("resend", row.id)).body.done.link).toBe(secondLink);
    expect((await list()).filter((i) => i.email === "dana@example.org")).toHaveLength(1);

    const old = await pageFor(tokenOf(firstLink));
    expect(old.status).toBe(410);
    expect(old.body.reason).toMatch(/newer invitation replaced this link/);
    expect((await acceptAs(tokenOf(firstLink))).status).toBe(410);
    expect((await pageFor(tokenOf(secondLink))).body.invitation).toEqual({
      open: true,
      email: "dana@example.org",
      roles: ["interviewer"],
    });

    const [current] = (await list()).filter((i) => i.email === "dana@example.org");
    expect((await act("revoke", current.id)).status).toBe(200);
    expect((await list()).filter((i) => i.email === "dana@example.org")).toEqual([]);
    const revoked = await pageFor(tokenOf(secondLink));
    expect(revoked.status).toBe(410);
    expect(revoked.body.reason).toMatch(/revoked this invitation/);
    expect((await acceptAs(tokenOf(secondLink))).status).toBe(410);
    expect(await ctx.db.selectFrom("users").select("id").where("email", "=", "dana@example.org").execute()).toEqual([]);

    // Resending a revoked invitation is refused with the reason, shown above the list.
    const refused = await act("resend", current.id);
    expect(refused.status).toBe(409);
    expect(refused.body.errors.form).toMatch(/revoked/);
    const actions = await ctx.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "like", "invitation.%")
      .orderBy("id")
      .execute();
    expect(actions.map((a) => a.action)).toEqual(["invitation.create", "invitation.resend", "invitation.revoke"]);
    // Links are shown to the admin, never written to the server log.
    expect(logged.filter((line) => line.includes("/invitations/"))).toEqual([]);
  });

  it("says on the email field when the address has an open invitation or an account", async () => {
    await inviteAs(admin, "eli@example.org");
    const again = await inviteAs(admin, "ELI@example.org", "committee");
    expect(again.status).toBe(400);
    expect(again.body.errors.email).toMatch(/open invitation already .*resend or revoke/);
    const taken = await inviteAs(admin, "recruiter@example.com");
    expect(taken.body.errors).toEqual({ email: "Someone with this email already has an account" });
  });

  it("shows an expired invitation's reason instead of a bare error", async () => {
    const { body } = await inviteAs(admin, "late@example.org");
    await ctx.db
      .updateTable("invitations")
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where("email", "=", "late@example.org")
      .execute();
    const page = await pageFor(tokenOf(body.invited.link));
    expect(page.status).toBe(410);
    expect(page.body.reason).toMatch(/expired on/);
  });

  it("stops an admin's invitations when that admin is deactivated or loses the admin role", async () => {
    const second = await createTestUser(ctx.db, { roles: ["admin"], name: "Temp Admin" });
    const third = await createTestUser(ctx.db, { roles: ["admin"], name: "Other Admin" });
    const made = await inviteAs(await signedInCookie(second.id), "via.temp@example.org", "admin");
    const made2 = await inviteAs(await signedInCookie(third.id), "via.other@example.org", "admin");
    expect((await pageFor(tokenOf(made.body.invited.link))).status).toBe(200);

    const deactivated = await callRoute(
      person,
      request(`/admin/people/${second.id}`, { cookie: admin, form: { intent: "deactivate" } }),
      { userId: second.id },
    );
    expect(deactivated.status).toBe(302);
    const page = await pageFor(tokenOf(made.body.invited.link));
    expect(page.status).toBe(410);
    expect(page.body.reason).toMatch(/no longer has access/);
    expect((await acceptAs(tokenOf(made.body.invited.link))).status).toBe(410);
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "user.deactivate")
      .where("subject_id", "=", second.id)
      .executeTakeFirstOrThrow();
    expect((audit.details as { invitationsRevoked: string[] }).invitationsRevoked).toHaveLength(1);

    // Demoted without deactivation: their link stops working too (checked when it is used).
    const demoted = await callRoute(
      person,
      request(`/admin/people/${third.id}`, { cookie: admin, form: { roles: "interviewer" } }),
      { userId: third.id },
    );
    expect(demoted.status).toBe(302);
    expect((await pageFor(tokenOf(made2.body.invited.link))).status).toBe(410);
    expect((await list()).map((i) => i.email)).not.toContain("via.other@example.org");
  });

  it("is for admins only, and a guessed id is a 404", async () => {
    const recruiter = await signedInCookieFor(ctx.db, "recruiter@example.com");
    expect((await callRoute(openInvitations, request("/admin/invitations", { cookie: recruiter }))).status).toBe(403);
    expect((await act("revoke", crypto.randomUUID(), recruiter)).status).toBe(403);
    expect((await act("revoke", crypto.randomUUID())).status).toBe(404);
    expect((await act("explode", crypto.randomUUID())).status).toBe(400);
    expect((await callRoute(peoplePage, request("/admin/people", { cookie: admin }))).status).toBe(200);
  });
});
