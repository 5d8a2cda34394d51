import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, seedDemo, useTestDatabase } from "../../helpers/db";
import { createTestUser } from "../../helpers/users";
import { startSmtp, type TestSmtp } from "../../helpers/smtp";
import { insertInterview } from "~db/queries/interviews";
import { muteReminders } from "~db/queries/notifications";
import { parseEnv, useSettings } from "~/env.server";
import { runNotifications } from "~/notifications/reminders.server";
import { startBackgroundJobs, type BackgroundJobs } from "~/jobs/workers.server";

const PUBLIC_URL = "https://panel.example.test";
const at = (iso: string) => new Date(iso);

describe.each(dialects())("feedback reminders on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let smtp: TestSmtp;
  let jobs: BackgroundJobs;
  let interviewId: string;
  let tokyoInterviewId: string;
  let ny: { id: string; email: string };
  let tokyo: { id: string; email: string };

  beforeAll(async () => {
    smtp = await startSmtp();
    useSettings(
      parseEnv({
        ...process.env,
        SMTP_URL: smtp.url,
        PUBLIC_URL,
        MAIL_FROM: "Panel <panel@example.test>",
        NOTIFICATIONS_TICK_SECONDS: "3600",
      }),
    );
    // Demo interviews a month earlier: all of them long settled or owed, none near our dates.
    await seedDemo(ctx.db, at("2026-11-01T12:00:00Z"));
    // Only this test's interviews owe feedback.
    await ctx.db
      .updateTable("interviews")
      .set({ cancelled_at: at("2026-11-01T12:00:00Z"), cancel_reason: "not in this test" })
      .execute();
    ny = await createTestUser(ctx.db, { name: "Nia York", email: "nia@example.test" });
    tokyo = await createTestUser(ctx.db, { name: "Taro Kyo", email: "taro@example.test" });
    await ctx.db.updateTable("users").set({ time_zone: "Asia/Tokyo" }).where("id", "=", tokyo.id).execute();
    const demo = await ctx.db
      .selectFrom("candidates")
      .select(["id", "position_id"])
      .orderBy("name")
      .executeTakeFirstOrThrow();
    const base = {
      candidate_id: demo.id,
      // Wednesday 2 December 2026, 14:00 in New York (19:00 UTC), for an hour.
      scheduled_at: at("2026-12-02T19:00:00Z"),
      time_zone: "America/New_York",
      duration_minutes: 60,
      stage: "onsite" as const,
      focus_competencies: ["communication"],
      focus_questions: [],
      kit_id: "customer-experience-manager",
    };
    interviewId = await insertInterview(ctx.db, { ...base, interviewer_id: ny.id });
    tokyoInterviewId = await insertInterview(ctx.db, { ...base, interviewer_id: tokyo.id });
    jobs = await startBackgroundJobs(
      ctx.database,
      { DATABASE_URL: ctx.database.url ?? undefined, NOTIFICATIONS_TICK_SECONDS: 3600 },
      { url: ctx.database.url, pollingSeconds: 0.5, retryDelaySeconds: 1 },
    );
  });
  afterAll(async () => {
    await jobs?.stop();
    await smtp?.close();
    useSettings(parseEnv());
  });

  const remindersTo = async (userId: string) =>
    (
      await ctx.db
        .selectFrom("outbox_messages")
        .select(["dedupe_key", "subject", "text"])
        .where("recipient_id", "=", userId)
        .where("kind", "=", "reminder")
        .orderBy("created_at")
        .execute()
    ).map((m) => m.dedupe_key);

  it("sends the first reminder an hour after the interview, then at 09:00 on working days in the interviewer's zone", async () => {
    await runNotifications(ctx.db, at("2026-12-02T20:59:00Z"));
    expect(await remindersTo(ny.id)).toEqual([]);

    await runNotifications(ctx.db, at("2026-12-02T21:00:00Z"));
    await runNotifications(ctx.db, at("2026-12-02T21:05:00Z"));
    expect(await remindersTo(ny.id)).toEqual([`reminder:${interviewId}:first`]);

    // Tokyo's 09:00 Thursday is 00:00 UTC; New York's is 14:00 UTC.
    await runNotifications(ctx.db, at("2026-12-03T00:00:00Z"));
    expect(await remindersTo(tokyo.id)).toEqual([
      `reminder:${tokyoInterviewId}:first`,
      `reminder:${tokyoInterviewId}:day:2026-12-03`,
    ]);
    await runNotifications(ctx.db, at("2026-12-03T13:59:00Z"));
    expect(await remindersTo(ny.id)).toHaveLength(1);
    await runNotifications(ctx.db, at("2026-12-03T14:00:00Z"));
    await runNotifications(ctx.db, at("2026-12-03T20:00:00Z"));
    expect(await remindersTo(ny.id)).toEqual([
      `reminder:${interviewId}:first`,
      `reminder:${interviewId}:day:2026-12-03`,
    ]);

    // Friday yes; Saturday no.
    await runNotifications(ctx.db, at("2026-12-04T14:00:00Z"));
    await runNotifications(ctx.db, at("2026-12-05T14:00:00Z"));
    expect((await remindersTo(ny.id)).slice(2)).toEqual([`reminder:${interviewId}:day:2026-12-04`]);
  }, 120_000);

  it("delivers each reminder over SMTP, naming candidate, position and time, linking to the scorecard under PUBLIC_URL", async () => {
    const first = await smtp.waitForMail(ny.email, /^Feedback on/);
    expect(first.subject).toMatch(/^Feedback on .+ is waiting for you$/);
    expect(first.text).toContain("Customer Experience Manager");
    expect(first.text).toContain("Wed 2 Dec 2026, 14:00 (America/New_York)");
    expect(first.text).toContain(`${PUBLIC_URL}/interviews/${interviewId}`);
    expect(first.html).toContain(`href="${PUBLIC_URL}/interviews/${interviewId}"`);
    expect(first.from?.text).toContain("panel@example.test");
    // The mail server has the message a moment before the worker records it as sent.
    const row = () =>
      ctx.db
        .selectFrom("outbox_messages")
        .select(["status", "sent_at"])
        .where("dedupe_key", "=", `reminder:${interviewId}:first`)
        .executeTakeFirstOrThrow();
    await expect.poll(async () => (await row()).status, { timeout: 10_000 }).toBe("sent");
    expect((await row()).sent_at).not.toBeNull();
  });

  it("stops the daily repeats when the interviewer mutes them, and tells the recruiter the reason when escalating", async () => {
    expect(await muteReminders(ctx.db, interviewId, ny.id, "On leave until the 14th")).toBe(true);
    // Someone else's interview cannot be muted.
    expect(await muteReminders(ctx.db, tokyoInterviewId, ny.id, "nope")).toBe(false);
    // Deadline Thursday 20:00 UTC; escalation after 2 days: Saturday 20:00 UTC.
    await runNotifications(ctx.db, at("2026-12-05T19:59:00Z"));
    expect(
      await ctx.db
        .selectFrom("outbox_messages")
        .select("id")
        .where("dedupe_key", "like", `escalation:${interviewId}:%`)
        .execute(),
    ).toEqual([]);
    await runNotifications(ctx.db, at("2026-12-06T14:00:00Z"));
    await runNotifications(ctx.db, at("2026-12-07T14:00:00Z"));
    expect((await remindersTo(ny.id)).slice(3)).toEqual([]);
    expect((await remindersTo(tokyo.id)).slice(-1)).toEqual([`reminder:${tokyoInterviewId}:day:2026-12-07`]);
    const escalations = await ctx.db
      .selectFrom("outbox_messages")
      .innerJoin("users", "users.id", "outbox_messages.recipient_id")
      .select(["users.email", "outbox_messages.text", "outbox_messages.dedupe_key"])
      .where("kind", "=", "escalation")
      .where("dedupe_key", "like", `escalation:${interviewId}:%`)
      .execute();
    expect(escalations.map((e) => e.email)).toEqual(["recruiter@example.com"]);
    expect(escalations[0].text).toContain("On leave until the 14th");
    expect(escalations[0].text).toContain("Nia York");
  });

  it("sends recruiters one digest a working day listing overdue feedback", async () => {
    await runNotifications(ctx.db, at("2026-12-09T09:30:00Z"));
    await runNotifications(ctx.db, at("2026-12-09T10:30:00Z"));
    const digests = await ctx.db
      .selectFrom("outbox_messages")
      .select(["dedupe_key", "text"])
      .where("kind", "=", "digest")
      .where("dedupe_key", "like", "digest:%:2026-12-09")
      .execute();
    expect(digests).toHaveLength(1);
    expect(digests[0].text).toContain("Nia York on");
    expect(digests[0].text).toContain("reminders muted");
  });
});
