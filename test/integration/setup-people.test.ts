import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { dialects, seedDemo, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { createTestUser, signedInCookie, signedInCookieFor } from "../helpers/users";
import { action as invite } from "~/routes/admin.people._index";
import { action as person } from "~/routes/admin.people.$userId";
import { action as accept, loader as invitationPage } from "~/routes/invitations.$token";
import { currentUser } from "~/auth/session.server";
import { signIn } from "~/auth/sign-in.server";

describe.each(dialects())("people and invitations on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let admin: string;
  let adminId: string;

  const inviteForm = (email: string, idempotencyKey = crypto.randomUUID()) => ({
    email,
    roles: "committee",
    idempotencyKey,
  });
  const post = (form: Record<string, string>) => callRoute(invite, request("/admin/people", { cookie: admin, form }));
  const tokenOf = (link: string) => link.split("/").pop()!;
  const acceptAs = (token: string, form: Record<string, string>) =>
    callRoute(
      accept,
      request(`/invitations/${token}`, {
        form: { email: "", password: "a-long-password", confirm: "a-long-password", ...form },
      }),
      { token },
    );
  const setRoles = (userId: string, roles: string, cookie = admin) =>
    callRoute(person, request(`/admin/people/${userId}`, { cookie, form: roles ? { roles } : {} }), { userId });

  beforeAll(async () => {
    await seedDemo(ctx.db);
    admin = await signedInCookieFor(ctx.db, "admin@example.com");
    adminId = (
      await ctx.db.selectFrom("users").select("id").where("email", "=", "admin@example.com").executeTakeFirstOrThrow()
    ).id;
  });

  it("invites by email: the link is shown once per form, and signs the new user up with the invited roles", async () => {
    const form = inviteForm("new.member@example.org");
    const first = await (await post(form)).json();
    const again = await (await post(form)).json();
    expect(first.invited.link).toMatch(/^http:\/\/localhost:3000\/invitations\/[\w-]{40,}$/);
    expect(again.invited.link).toBe(first.invited.link);
    expect(
      await ctx.db.selectFrom("invitations").select("id").where("email", "=", "new.member@example.org").execute(),
    ).toHaveLength(1);

    const token = tokenOf(first.invited.link);
    const shown = await (await callRoute(invitationPage, request(`/invitations/${token}`), { token })).json();
    expect(shown.invitation).toEqual({ open: true, email: "new.member@example.org", roles: ["committee"] });

    const mismatch = await acceptAs(token, { name: "New Member", confirm: "something-else" });
    expect((await mismatch.json()).errors).toEqual({ confirm: "The two passwords differ" });
    const joined = await acceptAs(token, { name: "New Member" });
    expect(joined.status).toBe(302);
    expect(joined.headers.get("Set-Cookie")).toMatch(/panel_session=/);
    const user = await ctx.db
      .selectFrom("users")
      .select(["id", "name"])
      .where("email", "=", "new.member@example.org")
      .executeTakeFirstOrThrow();
    const roles = await ctx.db.selectFrom("user_roles").select("role").where("user_id", "=", user.id).execute();
    expect(roles).toEqual([{ role: "committee" }]);

    const reused = await callRoute(invitationPage, request(`/invitations/${token}`), { token });
    expect(reused.status).toBe(410);
    expect((await reused.json()).reason).toMatch(/used already/);
    expect((await acceptAs(token, { name: "Someone Else" })).status).toBe(410);
  });

  it("refuses to invite an email that already has an account, and lets only admins invite", async () => {
    const taken = await post(inviteForm("RECRUITER@example.com"));
    expect((await taken.json()).errors).toEqual({ email: "Someone with this email already has an account" });
    const recruiter = await signedInCookieFor(ctx.db, "recruiter@example.com");
    const refused = await callRoute(
      invite,
      request("/admin/people", { cookie: recruiter, form: inviteForm("x@example.org") }),
    );
    expect(refused.status).toBe(403);
  });

  it("keeps the last admin: their own admin role cannot be removed until someone else is an admin", async () => {
    const alone = await setRoles(adminId, "recruiter");
    expect((await alone.json()).errors).toEqual({
      roles: "This is the last active admin: make someone else an admin first",
    });
    const second = await createTestUser(ctx.db, { roles: ["interviewer"], name: "Second Admin" });
    expect((await setRoles(second.id, "admin")).status).toBe(302);
    expect((await setRoles(adminId, "recruiter")).status).toBe(302);
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "user.roles")
      .where("subject_id", "=", adminId)
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ before: ["admin"], after: ["recruiter"] });
    // The demoted admin's session no longer passes admin guards.
    expect((await setRoles(second.id, "interviewer")).status).toBe(403);
  });

  it("deactivates a user: signed out at once, cannot sign in, submitted scorecards stay", async () => {
    const secondAdmin = await ctx.db
      .selectFrom("users")
      .select("id")
      .where("name", "=", "Second Admin")
      .executeTakeFirstOrThrow();
    const cookie = await signedInCookie(secondAdmin.id);
    const marcus = await ctx.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "interviewer2@example.com")
      .executeTakeFirstOrThrow();
    const marcusCookie = await signedInCookie(marcus.id);
    const submittedBefore = await ctx.db
      .selectFrom("scorecards")
      .select("id")
      .where("author_id", "=", marcus.id)
      .where("status", "=", "submitted")
      .execute();
    expect(submittedBefore.length).toBeGreaterThan(0);

    const response = await callRoute(
      person,
      request(`/admin/people/${marcus.id}`, { cookie, form: { intent: "deactivate" } }),
      { userId: marcus.id },
    );
    expect(response.status).toBe(302);
    expect(await currentUser(request("/", { cookie: marcusCookie }))).toBeNull();
    await expect(signIn("interviewer2@example.com", "demo-password")).rejects.toMatchObject({
      code: "unauthenticated",
    });
    const submittedAfter = await ctx.db
      .selectFrom("scorecards")
      .select("id")
      .where("author_id", "=", marcus.id)
      .where("status", "=", "submitted")
      .execute();
    expect(submittedAfter).toEqual(submittedBefore);

    const self = await callRoute(
      person,
      request(`/admin/people/${secondAdmin.id}`, { cookie, form: { intent: "deactivate" } }),
      { userId: secondAdmin.id },
    );
    expect((await self.json()).errors).toEqual({ form: "You cannot deactivate your own account" });
  });
});
