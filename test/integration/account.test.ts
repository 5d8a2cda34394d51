import { describe, expect, it } from "vitest";
import { dialects, seedDemo, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { createTestUser, signedInCookie } from "../helpers/users";
import { insertInterview } from "~db/queries/interviews";
import { action as accountAction, loader as accountPage } from "~/routes/account._index";
import { timeZoneSchema } from "~/account/account.schema";
import { currentUser } from "~/auth/session.server";
import { runNotifications } from "~/notifications/reminders.server";

const at = (iso: string) => new Date(iso);

// Issue 17 and issue 18 item 15: each person's time zone, set on their account page.
describe("the account page's time zone schema", () => {
  it("takes a zone the platform knows, under its canonical name, and names the field for any other", () => {
    expect(timeZoneSchema.parse({ timeZone: " europe/berlin " })).toEqual({ timeZone: "Europe/Berlin" });
    for (const timeZone of ["", "Mars/Olympus_Mons", "Europe/Londres"]) {
      const result = timeZoneSchema.safeParse({ timeZone });
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([
        ["timeZone", "Choose a time zone from the list, such as Europe/London"],
      ]);
    }
  });
});

describe.each(dialects())("setting one's time zone on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("refuses an unknown zone on the field, saves a known one for this user only, and audits it", async () => {
    const person = await createTestUser(ctx.db, { name: "Zone Keeper" });
    const other = await createTestUser(ctx.db);
    const cookie = await signedInCookie(person.id);
    const post = (timeZone: string) => callRoute(accountAction, request("/account", { form: { timeZone }, cookie }));

    const page = await (await callRoute(accountPage, request("/account", { cookie }))).json();
    expect(page.timeZones).toContain("Asia/Tokyo");
    expect(page.timeZones[0]).toBe("UTC");

    const refused = await post("Atlantis/Capital");
    expect(refused.status).toBe(400);
    expect((await refused.json()).errors).toEqual({
      timeZone: "Choose a time zone from the list, such as Europe/London",
    });
    expect((await currentUser(request("/", { cookie })))?.timeZone).toBe("UTC");

    expect(await (await post("asia/tokyo")).json()).toEqual({ ok: true });
    expect((await currentUser(request("/", { cookie })))?.timeZone).toBe("Asia/Tokyo");
    const rows = await ctx.db.selectFrom("users").select(["id", "time_zone"]).where("id", "in", [person.id, other.id]);
    expect(Object.fromEntries((await rows.execute()).map((r) => [r.id, r.time_zone]))).toEqual({
      [person.id]: "Asia/Tokyo",
      [other.id]: null,
    });
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["actor_id", "details"])
      .where("action", "=", "user.time-zone")
      .executeTakeFirstOrThrow();
    expect(audit).toEqual({ actor_id: person.id, details: { before: "UTC", after: "Asia/Tokyo" } });
  });

  it("sends the daily reminder at 09:00 in the zone the interviewer chose", async () => {
    await seedDemo(ctx.db, at("2026-11-01T12:00:00Z"));
    await ctx.db
      .updateTable("interviews")
      .set({ cancelled_at: at("2026-11-01T12:00:00Z"), cancel_reason: "not here" })
      .execute();
    const interviewer = await createTestUser(ctx.db, { name: "Ken Sato" });
    const candidate = await ctx.db.selectFrom("candidates").select("id").orderBy("name").executeTakeFirstOrThrow();
    const interviewId = await insertInterview(ctx.db, {
      candidate_id: candidate.id,
      interviewer_id: interviewer.id,
      scheduled_at: at("2026-12-02T19:00:00Z"), // Wednesday 14:00 in New York
      time_zone: "America/New_York",
      duration_minutes: 60,
      stage: "onsite",
      focus_competencies: ["communication"],
      focus_questions: [],
      kit_id: "customer-experience-manager",
    });
    const cookie = await signedInCookie(interviewer.id);
    expect(
      (await callRoute(accountAction, request("/account", { form: { timeZone: "Asia/Tokyo" }, cookie }))).status,
    ).toBe(200);

    // Thursday 09:00 in Tokyo is 00:00 UTC, five hours before New York's day even begins.
    await runNotifications(ctx.db, at("2026-12-02T21:00:00Z"));
    await runNotifications(ctx.db, at("2026-12-03T00:00:00Z"));
    const sent = await ctx.db
      .selectFrom("outbox_messages")
      .select("dedupe_key")
      .where("recipient_id", "=", interviewer.id)
      .orderBy("created_at")
      .execute();
    expect(sent.map((m) => m.dedupe_key)).toEqual([
      `reminder:${interviewId}:first`,
      `reminder:${interviewId}:day:2026-12-03`,
    ]);
  });
});
