import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { dialects, seedDemo, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { createTestUser, signedInCookieFor } from "../helpers/users";
import { action as schedule } from "~/routes/candidates.$candidateId.interviews.new";
import { action as change } from "~/routes/candidates.$candidateId.interviews.$interviewId";
import { action as committee } from "~/routes/candidates.$candidateId.committee";
import { loader as hub } from "~/routes/candidates.$candidateId._index";
import { listCandidates } from "~db/queries/candidates";
import { uncovered } from "~/panels/panel.server";

describe.each(dialects())("the interview panel on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let recruiter: string;
  let candidateId: string;
  let priya: string;
  let marcus: string;
  let ids: Record<string, string>;

  const slot = (overrides: Record<string, string> = {}) => ({
    interviewerId: priya,
    stage: "onsite",
    date: "2099-03-04",
    time: "14:30",
    timeZone: "America/New_York",
    durationMinutes: "45",
    focusCompetencies: "ownership",
    idempotencyKey: crypto.randomUUID(),
    ...overrides,
  });
  const post = (form: Record<string, string>, id = candidateId) =>
    callRoute(schedule, request(`/candidates/${id}/interviews/new`, { cookie: recruiter, form }), { candidateId: id });
  const changeInterview = (interviewId: string, form: Record<string, string>) =>
    callRoute(change, request(`/candidates/${candidateId}/interviews/${interviewId}`, { cookie: recruiter, form }), {
      candidateId,
      interviewId,
    });
  const page = async (id = candidateId) =>
    (await callRoute(hub, request(`/candidates/${id}`, { cookie: recruiter }), { candidateId: id })).json();

  beforeAll(async () => {
    await seedDemo(ctx.db);
    recruiter = await signedInCookieFor(ctx.db, "recruiter@example.com");
    const users = await ctx.db.selectFrom("users").select(["id", "email"]).execute();
    ids = Object.fromEntries(users.map((u) => [u.email, u.id]));
    priya = ids["interviewer@example.com"];
    marcus = ids["interviewer2@example.com"];
    const position = await ctx.db.selectFrom("positions").select("id").executeTakeFirstOrThrow();
    const row = await ctx.db
      .insertInto("candidates")
      .values({
        position_id: position.id,
        name: "Nora Panel",
        email: "nora@example.org",
        level_applied: "Mid",
        source: null,
        cv_url: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    candidateId = row.id;
  });

  it("schedules an interview at a wall-clock time in its own time zone", async () => {
    const response = await post(slot());
    expect(response.status).toBe(302);
    const row = await ctx.db
      .selectFrom("interviews")
      .selectAll()
      .where("candidate_id", "=", candidateId)
      .executeTakeFirstOrThrow();
    // 14:30 in New York in March 2099 (EST, UTC-5) is 19:30 UTC.
    expect(row.scheduled_at.toISOString()).toBe("2099-03-04T19:30:00.000Z");
    expect(row).toMatchObject({
      time_zone: "America/New_York",
      duration_minutes: 45,
      stage: "onsite",
      focus_competencies: ["ownership"],
    });
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("subject_id", "=", row.id)
      .execute();
    expect(audit).toEqual([{ action: "interview.schedule", actor_id: ids["recruiter@example.com"] }]);
  });

  it("refuses someone without the interviewer role, a deactivated interviewer and an unknown user on the interviewer field", async () => {
    const recruiterAsInterviewer = await post(slot({ interviewerId: ids["recruiter@example.com"] }));
    expect((await recruiterAsInterviewer.json()).errors).toEqual({
      interviewerId: "Dana Ortiz does not have the interviewer role",
    });

    const gone = await createTestUser(ctx.db, { roles: ["interviewer"], name: "Gone Person" });
    await ctx.db.updateTable("users").set({ active: false }).where("id", "=", gone.id).execute();
    const deactivated = await post(slot({ interviewerId: gone.id }));
    expect((await deactivated.json()).errors).toEqual({
      interviewerId: "Gone Person is deactivated and cannot interview",
    });

    const unknown = await post(slot({ interviewerId: crypto.randomUUID() }));
    expect((await unknown.json()).errors).toEqual({ interviewerId: "Choose one of the interviewers listed" });
    const garbage = await post(slot({ interviewerId: "1; drop table users" }));
    expect((await garbage.json()).errors).toEqual({ interviewerId: "Choose an interviewer" });
  });

  it("asks for explicit confirmation before recording an interview in the past", async () => {
    const past = await post(slot({ date: "2001-05-06", interviewerId: marcus }));
    expect(past.status).toBe(400);
    expect((await past.json()).errors).toEqual({ confirmPast: expect.stringMatching(/in the past/) });
    const confirmed = await post(slot({ date: "2001-05-06", interviewerId: marcus, confirmPast: "on" }));
    expect(confirmed.status).toBe(302);
  });

  it("rejects a time zone that does not exist", async () => {
    const response = await post(slot({ timeZone: "Mars/Olympus_Mons" }));
    expect((await response.json()).errors).toEqual({ timeZone: expect.stringMatching(/time zone/) });
  });

  it("refuses impossible dates and times with a field error instead of rolling them over", async () => {
    for (const [date, time, field] of [
      ["0000-00-00", "10:00", "date"],
      ["2026-02-31", "10:00", "date"],
      ["2027-13-01", "10:00", "date"],
      ["2026-03-10", "99:99", "time"],
      ["2026-03-10", "24:00", "time"],
    ] as const) {
      const response = await post(slot({ date, time, confirmPast: "on" }));
      expect(response.status, `${date} ${time}`).toBe(400);
      expect((await response.json()).errors[field], `${date} ${time}`).toMatch(/There is no such (date|time)/);
    }
  });

  it("schedules once when the same form is posted twice", async () => {
    const form = slot({
      interviewerId: marcus,
      stage: "final",
      date: "2099-06-01",
      focusQuestions: "difficult-customer",
    });
    const first = await post(form);
    const second = await post(form);
    expect([first.status, second.status]).toEqual([302, 302]);
    const rows = await ctx.db
      .selectFrom("interviews")
      .select("id")
      .where("candidate_id", "=", candidateId)
      .where("stage", "=", "final")
      .execute();
    expect(rows).toHaveLength(1);
  });

  it("gives each kit question to one interviewer only, and refuses questions from another kit", async () => {
    const taken = await post(slot({ focusQuestions: "difficult-customer" }));
    expect((await taken.json()).errors.focusQuestions).toMatch(/^Marcus Webb already owns: Describe a situation/);
    const foreign = await post(slot({ focusQuestions: "owned-a-problem" }));
    expect((await foreign.json()).errors.focusQuestions).toMatch(/Not in the kit/);
  });

  it("shows which required competencies no live interview covers", async () => {
    const hubPage = await page();
    expect(hubPage.uncovered).toEqual([
      "problem-solving",
      "execution",
      "collaboration",
      "communication",
      "leadership",
      "culture-fit",
    ]);
    expect(
      uncovered(
        ["ownership", "execution"],
        [
          { cancelled_at: new Date(), focus_competencies: ["execution"] },
          { cancelled_at: null, focus_competencies: ["ownership"] },
        ],
      ),
    ).toEqual(["execution"]);
  });

  it("reschedules and reassigns with the changed fields audited before and after", async () => {
    const interview = await ctx.db
      .selectFrom("interviews")
      .select(["id"])
      .where("candidate_id", "=", candidateId)
      .where("stage", "=", "final")
      .executeTakeFirstOrThrow();
    const moved = await changeInterview(interview.id, {
      ...slot({ interviewerId: priya, stage: "final", date: "2099-06-02", focusQuestions: "difficult-customer" }),
    });
    expect(moved.status).toBe(302);
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("subject_id", "=", interview.id)
      .orderBy("id", "desc")
      .executeTakeFirstOrThrow();
    expect(audit.action).toBe("interview.reassign");
    expect(audit.details).toEqual({
      before: { interviewer_id: marcus, scheduled_at: "2099-06-01T18:30:00.000Z" },
      after: { interviewer_id: priya, scheduled_at: "2099-06-02T18:30:00.000Z" },
    });
  });

  it("refuses to reassign an interview whose scorecard was started", async () => {
    const jordan = await ctx.db
      .selectFrom("candidates")
      .select("id")
      .where("name", "=", "Jordan Rivera")
      .executeTakeFirstOrThrow();
    const started = await ctx.db
      .selectFrom("interviews")
      .innerJoin("scorecards", "scorecards.interview_id", "interviews.id")
      .select(["interviews.id", "interviews.scheduled_at"])
      .where("interviews.candidate_id", "=", jordan.id)
      .where("interviews.interviewer_id", "=", priya)
      .executeTakeFirstOrThrow();
    const response = await callRoute(
      change,
      request(`/candidates/${jordan.id}/interviews/${started.id}`, {
        cookie: recruiter,
        form: slot({ interviewerId: marcus, confirmPast: "on" }),
      }),
      { candidateId: jordan.id, interviewId: started.id },
    );
    expect((await response.json()).errors.interviewerId).toMatch(/already started a scorecard/);
  });

  it("cancels with a required reason; a cancelled interview is never overdue", async () => {
    const aisha = await ctx.db
      .selectFrom("candidates")
      .select("id")
      .where("name", "=", "Aisha Bello")
      .executeTakeFirstOrThrow();
    const before = await page(aisha.id);
    const overdue = before.interviews.find((i: { feedback: string }) => i.feedback === "overdue");
    expect(overdue.scorecard).toBe("not-started");
    const cancel = (form: Record<string, string>) =>
      callRoute(
        change,
        request(`/candidates/${aisha.id}/interviews/${overdue.id}`, {
          cookie: recruiter,
          form: { intent: "cancel", ...form },
        }),
        {
          candidateId: aisha.id,
          interviewId: overdue.id,
        },
      );
    expect((await (await cancel({ reason: "  " })).json()).errors).toEqual({
      reason: "Say why the interview is cancelled",
    });
    expect((await cancel({ reason: "Interviewer fell ill" })).status).toBe(302);

    const after = await page(aisha.id);
    expect(after.interviews.find((i: { id: string }) => i.id === overdue.id)).toMatchObject({
      feedback: "cancelled",
      cancelReason: "Interviewer fell ill",
    });
    const listed = await listCandidates(ctx.db, { id: ids["recruiter@example.com"], seesAll: true }, new Date());
    expect(listed.find((c) => c.id === aisha.id)).toMatchObject({ overdue_count: 0, interview_count: 2 });
  });

  it("shows each interview's scorecard status on the candidate page", async () => {
    const jordan = await ctx.db
      .selectFrom("candidates")
      .select("id")
      .where("name", "=", "Jordan Rivera")
      .executeTakeFirstOrThrow();
    const { interviews } = await page(jordan.id);
    expect(interviews.map((i: { feedback: string; scorecard: string }) => `${i.feedback}/${i.scorecard}`)).toEqual([
      "submitted/submitted",
      "submitted/submitted",
      "submitted/submitted",
      "due/draft",
    ]);
  });

  it("seats only active committee members, audited; members then see the candidate page, others get a 404", async () => {
    const seat = (memberIds: string) =>
      callRoute(
        committee,
        request(`/candidates/${candidateId}/committee`, { cookie: recruiter, form: { memberIds } }),
        { candidateId },
      );
    expect((await (await seat(priya)).json()).errors).toEqual({ memberIds: expect.stringMatching(/committee role/) });
    expect((await seat(ids["committee@example.com"])).status).toBe(302);
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "committee.update")
      .where("subject_id", "=", candidateId)
      .executeTakeFirstOrThrow();
    expect(audit.details).toEqual({ before: [], after: [ids["committee@example.com"]] });

    const member = await signedInCookieFor(ctx.db, "committee@example.com");
    expect(
      (await callRoute(hub, request(`/candidates/${candidateId}`, { cookie: member }), { candidateId })).status,
    ).toBe(200);
    const outsider = await createTestUser(ctx.db, { roles: ["committee"] });
    const other = await signedInCookieFor(ctx.db, outsider.email);
    expect(
      (await callRoute(hub, request(`/candidates/${candidateId}`, { cookie: other }), { candidateId })).status,
    ).toBe(404);
  });
});
