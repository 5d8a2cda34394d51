import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { dialects, seedDemo, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { signedInCookieFor } from "../helpers/users";
import { action as plan, loader as planPage } from "~/routes/candidates.$candidateId.panel";

describe.each(dialects())("the panel builder on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let recruiter: string;
  let candidateId: string;
  let priya: string;
  let marcus: string;
  let dana: string;

  const row = (overrides: Record<string, unknown> = {}) => ({
    interviewerId: priya,
    date: "2099-03-04",
    time: "10:00",
    durationMinutes: "45",
    focusCompetencies: ["ownership"],
    focusQuestions: [],
    ...overrides,
  });
  const loop = (rows: unknown[], overrides: Record<string, unknown> = {}) => ({
    timeZone: "Europe/Berlin",
    stage: "onsite",
    confirmPast: false,
    idempotencyKey: crypto.randomUUID(),
    rows,
    ...overrides,
  });
  const post = (body: unknown) =>
    callRoute(plan, request(`/candidates/${candidateId}/panel`, { cookie: recruiter, json: body }), { candidateId });
  const interviews = () =>
    ctx.db
      .selectFrom("interviews")
      .selectAll()
      .where("candidate_id", "=", candidateId)
      .orderBy("scheduled_at")
      .execute();

  beforeAll(async () => {
    await seedDemo(ctx.db);
    recruiter = await signedInCookieFor(ctx.db, "recruiter@example.com");
    const users = await ctx.db.selectFrom("users").select(["id", "email"]).execute();
    const ids = Object.fromEntries(users.map((u) => [u.email, u.id]));
    [priya, marcus, dana] = [
      ids["interviewer@example.com"],
      ids["interviewer2@example.com"],
      ids["recruiter@example.com"],
    ];
    const position = await ctx.db
      .selectFrom("positions")
      .select("id")
      .where("kit_id", "=", "customer-experience-manager")
      .executeTakeFirstOrThrow();
    const candidate = await ctx.db
      .insertInto("candidates")
      .values({
        position_id: position.id,
        name: "Lena Loop",
        email: "lena@example.org",
        level_applied: "Mid",
        source: null,
        cv_url: null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    candidateId = candidate.id;
  });

  it("offers the interviewers and the kit's questions", async () => {
    const response = await callRoute(planPage, request(`/candidates/${candidateId}/panel`, { cookie: recruiter }), {
      candidateId,
    });
    expect(response.status).toBe(200);
    const data = await response.json();
    expect(data.candidate.name).toBe("Lena Loop");
    expect(data.interviewers.map((p: { email: string }) => p.email)).toContain("interviewer2@example.com");
    expect(data.questions.map((q: { id: string }) => q.id)).toContain("difficult-customer");
  });

  it("names the field of each bad row and creates nothing", async () => {
    const response = await post(
      loop([
        row(),
        row({ interviewerId: "", time: "", durationMinutes: "5" }),
        row({ interviewerId: marcus, focusQuestions: ["difficult-customer"] }),
        row({ interviewerId: priya, time: "15:00", focusQuestions: ["difficult-customer"] }),
      ]),
    );
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({
      "rows.1.interviewerId": "Choose an interviewer",
      "rows.1.time": "Enter the start time",
      "rows.1.durationMinutes": "At least 10 minutes",
      // Two rows asking the same question: the later one is named.
      "rows.3.focusQuestions": "Interview 3 already owns one of these questions",
    });
    const noRows = await post(loop([]));
    expect((await noRows.json()).errors).toEqual({ rows: "Add at least one interview" });
    expect(await interviews()).toEqual([]);
  });

  it("refuses the whole loop when one row fails the server's checks, naming that row", async () => {
    const response = await post(loop([row(), row({ interviewerId: dana, time: "11:00" })]));
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({
      "rows.1.interviewerId": "Dana Ortiz does not have the interviewer role",
    });
    const past = await post(loop([row({ date: "2001-01-01" })]));
    expect((await past.json()).errors).toEqual({
      "rows.0.date": "This date and time is in the past. Tick the box below to confirm, or correct the date.",
    });
    expect(await interviews()).toEqual([]);
  });

  it("schedules every row in the loop's time zone in one go, each audited, and a double submit creates nothing more", async () => {
    const body = loop([
      row({ focusQuestions: ["difficult-customer"] }),
      row({
        interviewerId: marcus,
        time: "11:00",
        durationMinutes: "60",
        focusCompetencies: ["problem-solving"],
        focusQuestions: ["code-level-root-cause"],
      }),
      row({ time: "13:30", durationMinutes: "30", focusCompetencies: [] }),
    ]);
    const response = await post(body);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/candidates/${candidateId}`);
    expect((await post(body)).status).toBe(302);
    const rows = await interviews();
    // 10:00 in Berlin in March 2099 (CET, UTC+1) is 09:00 UTC.
    expect(
      rows.map((r) => [
        r.interviewer_id,
        r.scheduled_at.toISOString(),
        r.time_zone,
        r.duration_minutes,
        r.stage,
        r.focus_questions,
      ]),
    ).toEqual([
      [priya, "2099-03-04T09:00:00.000Z", "Europe/Berlin", 45, "onsite", ["difficult-customer"]],
      [marcus, "2099-03-04T10:00:00.000Z", "Europe/Berlin", 60, "onsite", ["code-level-root-cause"]],
      [priya, "2099-03-04T12:30:00.000Z", "Europe/Berlin", 30, "onsite", []],
    ]);
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["action", "subject_id"])
      .where("action", "=", "interview.schedule")
      .execute();
    expect(audit.map((a) => a.subject_id).sort()).toEqual(rows.map((r) => r.id).sort());

    // A question now owned by the loop cannot be given to a later interview.
    const again = await post(loop([row({ interviewerId: marcus, focusQuestions: ["difficult-customer"] })]));
    expect((await again.json()).errors["rows.0.focusQuestions"]).toMatch(/^Priya Natarajan already owns/);
  });
});
