import { describe, expect, it } from "vitest";
import { dialects, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { createTestUser, signedInCookie } from "../helpers/users";
import { action as changeAction } from "~/routes/account.password";
import { action as personAction } from "~/routes/admin.people.$userId";
import { action as resetAction, loader as resetPage } from "~/routes/password-reset.$token";
import { issuePasswordReset, openPasswordReset } from "~/auth/passwords.server";
import { currentUser } from "~/auth/session.server";
import { signIn } from "~/auth/sign-in.server";
import { DomainError } from "~/errors.server";

// A refused sign-in throws the 'unauthenticated' DomainError; the tests only ask whether it worked.
const signsIn = (email: string, password: string) =>
  signIn(email, password).then(
    () => true,
    (error: unknown) => {
      if (error instanceof DomainError && error.code === "unauthenticated") return false;
      throw error;
    },
  );

const OLD = "first-violet-tundra-kettle";
const NEW = "second-harbor-quill-lantern";
const tokenOf = (link: string) => link.match(/\/password-reset\/([\w-]+)$/)![1];

// Issue 13 item 14: an admin's single-use reset link, and changing one's own password.
describe.each(dialects())("passwords on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  const auditOf = (userId: string) =>
    ctx.db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("subject_id", "=", userId)
      .where("action", "like", "user.password%")
      .orderBy("id")
      .execute();

  it("an admin's reset link works once, ends the old password and sessions, and is audited", async () => {
    const admin = await createTestUser(ctx.db, { roles: ["admin"], name: "Reset Admin" });
    const person = await createTestUser(ctx.db, { name: "Ana Lima", password: OLD });
    const personCookie = await signedInCookie(person.id);
    const issued = await callRoute(
      personAction,
      request(`/admin/people/${person.id}`, {
        form: { intent: "reset-password" },
        cookie: await signedInCookie(admin.id),
      }),
      { userId: person.id },
    );
    expect(issued.status).toBe(200);
    const { reset } = await issued.json();
    expect(reset.email).toBe(person.email);
    const token = tokenOf(reset.link);
    expect(await currentUser(request("/", { cookie: personCookie }))).toBeNull();

    const page = await callRoute(resetPage, request(`/password-reset/${token}`), { token });
    expect(await page.json()).toEqual({ open: true, email: person.email });
    const post = (password: string, confirm = password) =>
      callRoute(resetAction, request(`/password-reset/${token}`, { form: { password, confirm } }), { token });

    const weak = await post("password1234");
    expect(weak.status).toBe(400);
    expect((await weak.json()).errors).toEqual({ password: expect.stringMatching(/too common or too easy to guess/) });
    expect(await signsIn(person.email, OLD)).toBe(true); // a refused reset changes nothing

    const done = await post(NEW);
    expect(done.status).toBe(302);
    expect(done.headers.get("Set-Cookie")).toMatch(/panel_session=/);
    expect(await signsIn(person.email, OLD)).toBe(false);
    expect(await signsIn(person.email, NEW)).toBe(true);

    const again = await post("third-marble-cactus-ferry");
    expect(again.status).toBe(410);
    expect((await again.json()).reason).toMatch(/used already/);
    expect((await callRoute(resetPage, request(`/password-reset/${token}`), { token })).status).toBe(410);
    expect(await signsIn(person.email, NEW)).toBe(true);
    expect(await auditOf(person.id)).toEqual([
      { action: "user.password-reset-issued", actor_id: admin.id },
      { action: "user.password-reset", actor_id: person.id },
    ]);
  });

  it("a reset link expires after a day, and a newer one voids the older", async () => {
    const admin = { ...(await createTestUser(ctx.db, { roles: ["admin"] })), roles: ["admin" as const] };
    const person = await createTestUser(ctx.db, { password: OLD });
    const yesterday = new Date(Date.now() - 25 * 3600_000);
    const stale = tokenOf((await issuePasswordReset(admin, person.id, yesterday)).link);
    expect(await openPasswordReset(stale)).toEqual({ open: false, reason: expect.stringMatching(/expired/) });
    const first = tokenOf((await issuePasswordReset(admin, person.id)).link);
    const second = tokenOf((await issuePasswordReset(admin, person.id)).link);
    expect(await openPasswordReset(first)).toEqual({ open: false, reason: expect.stringMatching(/newer reset link/) });
    const refused = await callRoute(
      resetAction,
      request(`/password-reset/${first}`, { form: { password: NEW, confirm: NEW } }),
      { token: first },
    );
    expect(refused.status).toBe(410);
    expect(await signsIn(person.email, OLD)).toBe(true);
    expect(await openPasswordReset(second)).toEqual({ open: true, email: person.email });
  });

  it("changing one's own password needs the current one and a strong new one, and ends other sessions", async () => {
    const person = await createTestUser(ctx.db, { name: "Quillon Brackwater", password: OLD });
    const here = await signedInCookie(person.id);
    const elsewhere = await signedInCookie(person.id);
    const change = (current: string, password: string) =>
      callRoute(
        changeAction,
        request("/account/password", { form: { current, password, confirm: password }, cookie: here }),
      );

    const wrong = await change("not-the-password", NEW);
    expect(wrong.status).toBe(400);
    expect((await wrong.json()).errors).toEqual({ current: "Current password is not right" });
    const weak = await change(OLD, "brackwater2026"); // strong on its own, but it is their name
    expect(weak.status).toBe(400);
    expect((await weak.json()).errors).toEqual({ password: expect.stringMatching(/too common or too easy to guess/) });
    expect(await signsIn(person.email, OLD)).toBe(true);

    const done = await change(OLD, NEW);
    expect(await done.json()).toEqual({ ok: true });
    expect(await signsIn(person.email, OLD)).toBe(false);
    expect(await signsIn(person.email, NEW)).toBe(true);
    expect(await currentUser(request("/", { cookie: here }))).not.toBeNull();
    expect(await currentUser(request("/", { cookie: elsewhere }))).toBeNull();
    expect(await auditOf(person.id)).toEqual([{ action: "user.password-change", actor_id: person.id }]);
  });
});
