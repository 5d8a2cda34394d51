import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, seedDemo, useTestDatabase } from "../../helpers/db";
import { recipients, startSmtp, type TestSmtp } from "../../helpers/smtp";
import { createTestUser } from "../../helpers/users";
import { insertInterview } from "~db/queries/interviews";
import { parseEnv, useSettings } from "~/env.server";
import { startBackgroundJobs, type BackgroundJobs } from "~/jobs/workers.server";
import { runNotifications } from "~/notifications/reminders.server";
import { changeInterview } from "~/panels/panel.server";
import { createPosition, changePosition } from "~/positions/positions.server";
import type { PositionAction, PositionData } from "~/positions/position.schema";
import { findSessionUserByEmail } from "./session-user";

const PUBLIC_URL = "https://panel.example.test";
const at = (iso: string) => new Date(iso);

// The calendar part of a message, as the interviewer's mail client reads it.
function calendarOf(mail: ParsedMail) {
  const part = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"));
  const text = part ? part.content.toString("utf8") : "";
  const field = (name: string) => text.match(new RegExp(`^${name}[;:](.*)$`, "m"))?.[1]?.trim();
  return { method: field("METHOD"), status: field("STATUS"), uid: field("UID"), attendee: text.replace(/\r\n /g, "") };
}

describe.each(dialects())("the position's recruiter and reassigned interviews on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let smtp: TestSmtp;
  let jobs: BackgroundJobs;
  // Owned: a position whose recruiter is Rae. Unowned: a position with no recruiter chosen.
  let owned: { positionId: string; interviewId: string };
  let unowned: { positionId: string; interviewId: string };
  let rae: { id: string; email: string };

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
    await seedDemo(ctx.db, at("2026-11-01T12:00:00Z"));
    await ctx.db
      .updateTable("interviews")
      .set({ cancelled_at: at("2026-11-01T12:00:00Z"), cancel_reason: "not in this test" })
      .execute();
    rae = await createTestUser(ctx.db, { name: "Rae Owner", email: "rae@example.test", roles: ["recruiter"] });
    const admin = await findSessionUserByEmail(ctx.db, "admin@example.com");
    const demo = await ctx.db
      .selectFrom("candidates")
      .innerJoin("positions", "positions.id", "candidates.position_id")
      .select(["candidates.id", "positions.id as position_id", "positions.title", "positions.team"])
      .select(["positions.level_min", "positions.level_max", "positions.kit_id", "positions.competencies"])
      .orderBy("candidates.name")
      .executeTakeFirstOrThrow();
    const form = {
      title: demo.title,
      team: demo.team,
      levelMin: demo.level_min,
      levelMax: demo.level_max,
      kitId: demo.kit_id,
      competencies: demo.competencies,
    } as never as PositionData;
    await changePosition(admin, demo.position_id, { ...form, recruiterId: rae.id, intent: "save" } as PositionAction);
    const other = await createPosition(admin, {
      ...form,
      title: "Support Lead",
      recruiterId: "",
      idempotencyKey: crypto.randomUUID(),
    });
    const otherCandidate = await ctx.db
      .insertInto("candidates")
      .values({ position_id: other, name: "Noor Unowned", email: "noor@example.test" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const nia = await createTestUser(ctx.db, { name: "Nia York", email: "nia@example.test" });
    const interview = {
      interviewer_id: nia.id,
      // Wednesday 2 December 2026, 19:00 UTC, for an hour: overdue from Thursday 20:00 UTC.
      scheduled_at: at("2026-12-02T19:00:00Z"),
      time_zone: "America/New_York",
      duration_minutes: 60,
      stage: "onsite" as const,
      focus_competencies: [],
      focus_questions: [],
      kit_id: demo.kit_id,
    };
    owned = {
      positionId: demo.position_id,
      interviewId: await insertInterview(ctx.db, { ...interview, candidate_id: demo.id }),
    };
    unowned = {
      positionId: other,
      interviewId: await insertInterview(ctx.db, { ...interview, candidate_id: otherCandidate.id }),
    };
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

  const sentTo = async (kind: string, like: string) =>
    (
      await ctx.db
        .selectFrom("outbox_messages")
        .innerJoin("users", "users.id", "outbox_messages.recipient_id")
        .select(["users.email", "outbox_messages.text"])
        .where("kind", "=", kind)
        .where("dedupe_key", "like", like)
        .orderBy("users.email")
        .execute()
    ).map((m) => m.email);

  it("keeps the recruiter chosen on the position form, refuses anyone who is not a recruiter", async () => {
    const positions = await ctx.db.selectFrom("positions").select(["id", "recruiter_id"]).execute();
    expect(positions.find((p) => p.id === owned.positionId)?.recruiter_id).toBe(rae.id);
    expect(positions.find((p) => p.id === unowned.positionId)?.recruiter_id).toBeNull();
    const admin = await findSessionUserByEmail(ctx.db, "admin@example.com");
    const position = await ctx.db
      .selectFrom("positions")
      .selectAll()
      .where("id", "=", owned.positionId)
      .executeTakeFirstOrThrow();
    const form = {
      title: position.title,
      team: position.team,
      levelMin: position.level_min,
      levelMax: position.level_max,
      kitId: position.kit_id,
      competencies: position.competencies,
    } as never as PositionData;
    await expect(
      changePosition(admin, owned.positionId, { ...form, recruiterId: admin.id, intent: "save" }),
    ).rejects.toMatchObject({ details: { fields: { recruiterId: "Choose one of the recruiters listed" } } });
    // A form without the field (an older page) leaves the recruiter as it is.
    await changePosition(admin, owned.positionId, { ...form, intent: "save" });
    const after = await ctx.db
      .selectFrom("positions")
      .select("recruiter_id")
      .where("id", "=", owned.positionId)
      .executeTakeFirstOrThrow();
    expect(after.recruiter_id).toBe(rae.id);
  });

  it("escalates to the position's recruiter only, and to every recruiter when the position has none", async () => {
    // Escalation after 2 days overdue: Saturday 20:00 UTC.
    await runNotifications(ctx.db, at("2026-12-05T20:00:00Z"));
    expect(await sentTo("escalation", `escalation:${owned.interviewId}:%`)).toEqual(["rae@example.test"]);
    expect(await sentTo("escalation", `escalation:${unowned.interviewId}:%`)).toEqual([
      "rae@example.test",
      "recruiter@example.com",
    ]);
    const mail = await smtp.waitForMail("rae@example.test", /^Overdue feedback: Nia York on /);
    expect(mail.text).toContain("Nia York");
  });

  it("lists in each recruiter's digest their own positions and those nobody owns", async () => {
    // Wednesday 9 December, after 09:00 UTC (both recruiters follow UTC).
    await runNotifications(ctx.db, at("2026-12-09T09:30:00Z"));
    const digests = await ctx.db
      .selectFrom("outbox_messages")
      .innerJoin("users", "users.id", "outbox_messages.recipient_id")
      .select(["users.email", "outbox_messages.text"])
      .where("kind", "=", "digest")
      .where("dedupe_key", "like", "digest:%:2026-12-09")
      .execute();
    const digestOf = (email: string) => digests.find((d) => d.email === email)?.text ?? "";
    expect(digestOf("rae@example.test")).toContain("Noor Unowned");
    expect(digestOf("rae@example.test")).toMatch(/Nia York on (?!Noor)/);
    expect(digestOf("recruiter@example.com")).toContain("Noor Unowned");
    expect(digestOf("recruiter@example.com").match(/• Nia York on/g)).toHaveLength(1);
  });

  it("mails the previous interviewer that it is no longer theirs (cancelling it) and invites the new one", async () => {
    const recruiter = await findSessionUserByEmail(ctx.db, "recruiter@example.com");
    const omar = await createTestUser(ctx.db, { name: "Omar New", email: "omar@example.test" });
    const current = await ctx.db
      .selectFrom("interviews")
      .selectAll()
      .where("id", "=", owned.interviewId)
      .executeTakeFirstOrThrow();
    const candidateId = current.candidate_id;
    // Later this month, in New York: 10:00 on 28 December 2026.
    await ctx.db
      .updateTable("interviews")
      .set({ scheduled_at: at("2026-12-28T15:00:00Z") })
      .where("id", "=", owned.interviewId)
      .execute();
    const result = await changeInterview(recruiter, candidateId, owned.interviewId, {
      date: "2026-12-28",
      time: "10:00",
      timeZone: "America/New_York",
      durationMinutes: 60,
      confirmPast: true,
      interviewerId: omar.id,
      stage: "onsite",
      focusCompetencies: [],
      focusQuestions: [],
      intent: "change",
    });
    expect(result).toBeUndefined();
    const gone = await smtp.waitForMail("nia@example.test", /^Interview no longer yours: /);
    expect(gone.text).toContain("is now someone else's");
    expect(gone.text).not.toContain(`${PUBLIC_URL}/interviews/${owned.interviewId}`);
    const invite = await smtp.waitForMail("omar@example.test", /^Interview: /);
    expect(invite.text).toContain(`${PUBLIC_URL}/interviews/${owned.interviewId}`);
    const [cancel, request] = [calendarOf(gone), calendarOf(invite)];
    expect([cancel.method, cancel.status]).toEqual(["CANCEL", "CANCELLED"]);
    expect([request.method, request.status]).toEqual(["REQUEST", "CONFIRMED"]);
    expect(cancel.uid).toBe(`${owned.interviewId}@panel`);
    expect(request.uid).toBe(cancel.uid);
    expect(cancel.attendee).toContain("nia@example.test");
    expect(request.attendee).toContain("omar@example.test");
    expect(request.attendee).not.toContain("nia@example.test");
    // Each got one message about it, and nobody got "moved".
    expect(smtp.messages.filter((m) => /^Interview moved: /.test(m.subject ?? ""))).toEqual([]);
    expect(smtp.messages.filter((m) => recipients(m).includes("omar@example.test"))).toHaveLength(1);
  });
});
