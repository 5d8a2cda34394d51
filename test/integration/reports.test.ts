import { execFile } from "node:child_process";
import { promisify } from "node:util";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { sql, type Kysely, type KyselyPlugin } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import type { DB, InterviewStage } from "~db/schema";
import { loader as csvLoader } from "~/routes/reports[.]csv";
import { loader as pdfLoader } from "~/routes/reports[.]pdf";
import { loader as zipLoader } from "~/routes/reports[.]zip";
import { loader as pageLoader } from "~/routes/reports";
import { reportCsv } from "~/reports/export.server";
import { reportFiltersSchema } from "~/reports/filters.schema";
import {
  calibration,
  feedbackTracking,
  parseReportQuery,
  reportOptions,
  reportPage,
  reportSummary,
} from "~/reports/reports.server";
import { COMPETENCY_IDS, type LevelId, type RecommendationId } from "~/scorecards/rubric";
import { emptyScorecard, type RedFlag } from "~/scorecards/scorecard.schema";
import { dialects, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { createTestUser, signedInCookie } from "../helpers/users";

// A small hiring round with answers worked out by hand (see the comments on each interview).
// Names carry commas, quotes, a newline, an emoji and formula-looking starts for the CSV tests.
const NOW = new Date("2026-03-20T12:00:00Z");
const NAMES = {
  ada: "Ada Byron",
  ben: "+Ben Ford",
  cy: "@Cy Young",
  dee: "\tDee Tab",
  kim: "Kim Lee",
  zoe: 'Zoë "Zed", Jr.',
  evil: '=HYPERLINK("http://evil.test","x")',
  carla: "\rCarla Ruiz",
  backend: "Backend Engineer",
  ops: '-Ops, "Night" shift\nteam 🌙',
};

type Fixture = { users: Record<string, string>; positions: Record<string, string>; candidates: Record<string, string> };

async function seedReportFixture(db: Kysely<DB>): Promise<Fixture> {
  const users: Record<string, string> = {};
  for (const [key, roles] of [
    ["ada", ["interviewer"]],
    ["ben", ["interviewer"]],
    ["cy", ["interviewer"]],
    ["dee", ["interviewer"]],
  ] as const) {
    users[key] = (await createTestUser(db, { name: NAMES[key], roles: [...roles] })).id;
  }
  users.recruiter = (await createTestUser(db, { name: "Rae Recruiter", roles: ["recruiter"] })).id;
  users.admin = (await createTestUser(db, { name: "Al Admin", roles: ["admin"] })).id;
  users.committee = (await createTestUser(db, { name: "Cam Committee", roles: ["committee", "interviewer"] })).id;

  const positions: Record<string, string> = {};
  for (const key of ["backend", "ops"] as const) {
    const row = await db
      .insertInto("positions")
      .values({
        title: NAMES[key],
        team: "Eng",
        level_min: "Mid",
        level_max: "Senior",
        kit_id: "customer-experience-manager",
        competencies: JSON.stringify(COMPETENCY_IDS),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    positions[key] = row.id;
  }
  const candidates: Record<string, string> = {};
  const candidate = async (key: keyof typeof NAMES, position: string) => {
    const row = await db
      .insertInto("candidates")
      .values({ position_id: positions[position], name: NAMES[key], email: `${key}@example.test` })
      .returning("id")
      .executeTakeFirstOrThrow();
    candidates[key] = row.id;
  };
  await candidate("kim", "backend");
  await candidate("zoe", "backend");
  await candidate("evil", "ops");
  await candidate("carla", "ops");

  type Card = {
    status: "draft" | "submitted";
    level?: LevelId;
    rec?: RecommendationId;
    submittedAt?: string;
    flags?: Pick<RedFlag, "category" | "severity">[];
  };
  const interview = async (
    who: string,
    cand: string,
    at: string,
    minutes: number,
    stage: InterviewStage,
    card?: Card,
    cancelled = false,
  ) => {
    const row = await db
      .insertInto("interviews")
      .values({
        candidate_id: candidates[cand],
        interviewer_id: users[who],
        scheduled_at: at,
        time_zone: "UTC",
        duration_minutes: minutes,
        stage,
        kit_id: "customer-experience-manager",
        focus_competencies: "[]",
        focus_questions: "[]",
        cancelled_at: cancelled ? at : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (!card) return;
    const content = {
      ...emptyScorecard(),
      ratings: Object.fromEntries(COMPETENCY_IDS.map((id) => [id, card.level ?? null])),
      recommendation: card.rec ?? null,
      level: card.rec ? "Senior" : null,
      summary: "Long text that stays in the database",
      redFlags: (card.flags ?? []).map((f) => ({ ...f, justification: "why", evidence: [], suggestion: "" })),
    };
    await db
      .insertInto("scorecards")
      .values({
        interview_id: row.id,
        author_id: users[who],
        status: card.status,
        content: JSON.stringify(content),
        submitted_at: card.submittedAt ?? null,
        updated_at: card.submittedAt ?? at,
      })
      .execute();
  };
  // Kim: three submitted onsite cards; the interview ends at 11:00, feedback after 4 h, 24 h and 48 h.
  await interview("ada", "kim", "2026-03-02T10:00:00Z", 60, "onsite", {
    status: "submitted",
    level: "strong",
    rec: "strong-hire",
    submittedAt: "2026-03-02T15:00:00Z",
  });
  await interview("ben", "kim", "2026-03-02T10:00:00Z", 60, "onsite", {
    status: "submitted",
    level: "meets",
    rec: "hire",
    submittedAt: "2026-03-03T11:00:00Z",
  });
  await interview("cy", "kim", "2026-03-02T10:00:00Z", 60, "onsite", {
    status: "submitted",
    level: "below",
    rec: "no-hire",
    submittedAt: "2026-03-04T11:00:00Z",
    flags: [
      { category: "overclaiming", severity: 3 },
      { category: "overclaiming", severity: 4 },
      { category: "generic-answer", severity: 2 },
    ],
  });
  // Zoë: two cards 2 h and 24 h after a 09:45 end; Cy's interview the day after is overdue (deadline 12 Mar 10:00 → 194
  // h late).
  await interview("ada", "zoe", "2026-03-10T09:00:00Z", 45, "phone-screen", {
    status: "submitted",
    level: "meets-plus",
    rec: "hire",
    submittedAt: "2026-03-10T11:45:00Z",
  });
  await interview("ben", "zoe", "2026-03-10T09:00:00Z", 45, "phone-screen", {
    status: "submitted",
    level: "meets",
    rec: "hire",
    submittedAt: "2026-03-11T09:45:00Z",
  });
  await interview("cy", "zoe", "2026-03-11T09:00:00Z", 60, "onsite");
  // The "evil" candidate: Ben's draft is still within its 24 h, Cy's draft is 3 h past it, Ada's is upcoming; a
  // cancelled one never counts.
  await interview("ben", "evil", "2026-03-19T14:00:00Z", 60, "final", { status: "draft", level: "strong" });
  await interview("cy", "evil", "2026-03-19T08:00:00Z", 60, "final", { status: "draft" });
  await interview("ada", "evil", "2026-03-25T10:00:00Z", 60, "final");
  await interview("ada", "evil", "2026-03-01T10:00:00Z", 60, "final", undefined, true);
  // Carla: one card, in January, alone on her panel.
  await interview("dee", "carla", "2026-01-05T10:00:00Z", 60, "onsite", {
    status: "submitted",
    level: "meets",
    rec: "no-hire",
    submittedAt: "2026-01-05T13:00:00Z",
  });

  const decide = (cand: string, outcome: "hire" | "no-hire" | "more-interviews", at: string) =>
    db
      .insertInto("decisions")
      .values({ candidate_id: candidates[cand], outcome, rationale: "r", recorded_by: users.admin, recorded_at: at })
      .execute();
  await decide("kim", "hire", "2026-03-06T10:00:00Z");
  await decide("evil", "more-interviews", "2026-03-12T10:00:00Z");
  await decide("evil", "no-hire", "2026-03-21T10:00:00Z");
  return { users, positions, candidates };
}

describe.each(dialects())("recruiter reports on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let fx: Fixture;
  const cookies: Record<string, string> = {};

  beforeAll(async () => {
    fx = await seedReportFixture(ctx.db);
    for (const who of ["recruiter", "admin", "committee", "ada"]) cookies[who] = await signedInCookie(fx.users[who]);
  });

  const filters = (input: Record<string, string> = {}) => reportFiltersSchema.parse(input);
  const rowsFor = async (input: Record<string, string>) =>
    (await reportPage(ctx.db, filters(input), fx.users.recruiter, NOW)).rows;
  const namesOf = (rows: { candidate_name: string; interviewer_name: string }[]) =>
    rows.map((r) => `${r.candidate_name} / ${r.interviewer_name}`).sort();

  it("sums up the round: candidates, interviews, submitted of due, overdue, median time to feedback, recommendations", async () => {
    const summary = await reportSummary(ctx.db, filters(), fx.users.recruiter, NOW);
    expect(summary).toMatchObject({
      candidates: 4,
      interviews: 10,
      due: 9,
      submitted: 6,
      overdue: 2,
      median_hours: 14,
    });
    expect(summary.recommendations).toEqual([
      { id: "strong-no-hire", count: 0 },
      { id: "no-hire", count: 2 },
      { id: "hire", count: 3 },
      { id: "strong-hire", count: 1 },
    ]);
  });

  it("filters by date range, position, stage, interviewer, recommendation, status, red flag and decision", async () => {
    const count = async (input: Record<string, string>) =>
      (await reportPage(ctx.db, filters(input), fx.users.recruiter, NOW)).total;
    expect(await count({ from: "2026-03-01", to: "2026-03-10" })).toBe(5); // "to" includes its whole day
    expect(await count({ position: fx.positions.backend })).toBe(6);
    expect(await count({ stage: "final" })).toBe(3); // the cancelled final is not there
    expect(await count({ interviewer: fx.users.cy })).toBe(3);
    expect(await count({ recommendation: "hire" })).toBe(3);
    expect(await count({ status: "submitted" })).toBe(6);
    expect(await count({ status: "overdue" })).toBe(2);
    expect(await count({ status: "draft" })).toBe(1);
    expect(await count({ status: "not-started" })).toBe(1);
    expect(await count({ redFlag: "overclaiming" })).toBe(1);
    expect(await count({ redFlag: "blame-shifting" })).toBe(0);
    expect(await count({ decision: "hire" })).toBe(3);
    expect(await count({ decision: "no-hire" })).toBe(3); // the latest decision counts, not the earlier one
    expect(await count({ decision: "more-interviews" })).toBe(0);
    expect(await count({ decision: "none" })).toBe(4);
    expect(namesOf(await rowsFor({ position: fx.positions.backend, status: "overdue" }))).toEqual([
      `${NAMES.zoe} / ${NAMES.cy}`,
    ]);
    // Draft content never shows: Ben's draft rated everything Strong.
    const [draft] = await rowsFor({ status: "draft" });
    expect(draft).toMatchObject({ ratings: null, recommendation: null, red_flags: null, status: "draft" });
    const [flagged] = await rowsFor({ redFlag: "overclaiming" });
    expect(flagged.red_flags).toEqual({ overclaiming: 4, "generic-answer": 2 });
  });

  it("sorts by any column and pages on the server", async () => {
    const byDate = await rowsFor({ sort: "date", dir: "asc" });
    expect(byDate[0].candidate_name).toBe(NAMES.carla);
    expect(byDate.at(-1)!.scheduled_at.toISOString()).toBe("2026-03-25T10:00:00.000Z");
    const byRecommendation = await rowsFor({ sort: "recommendation", dir: "desc" });
    expect(byRecommendation.slice(0, 4).map((r) => r.recommendation)).toEqual(["strong-hire", "hire", "hire", "hire"]);
    expect(byRecommendation.at(-1)!.recommendation).toBeNull(); // empty values last either way
    const byStatus = await rowsFor({ sort: "status", dir: "asc" });
    expect(byStatus.map((r) => r.status).slice(0, 3)).toEqual(["draft", "not-started", "overdue"]);
    const byDecision = await rowsFor({ sort: "decision", dir: "asc" });
    expect(byDecision.slice(0, 3).map((r) => r.decision)).toEqual(["hire", "hire", "hire"]);
    const past = await reportPage(ctx.db, filters({ page: "2" }), fx.users.recruiter, NOW);
    expect(past).toMatchObject({ total: 10, pages: 1, rows: [] });
    expect(past.error).toMatch(/Page 2 is past the last page \(1\)/);
  });

  it("tracks overdue feedback with its age and each interviewer's median time to feedback", async () => {
    const { overdue, byInterviewer } = await feedbackTracking(ctx.db, filters(), fx.users.recruiter, NOW);
    expect(overdue.map((o) => [o.candidate_name, o.interviewer_name, o.hoursOverdue, o.scorecard_status])).toEqual([
      [NAMES.zoe, NAMES.cy, 194, null],
      [NAMES.evil, NAMES.cy, 3, "draft"],
    ]);
    const by = Object.fromEntries(byInterviewer.map((i) => [i.id, [i.due, i.submitted, i.overdue, i.median_hours]]));
    expect(by).toEqual({
      [fx.users.ada]: [2, 2, 0, 3],
      [fx.users.ben]: [3, 2, 0, 24],
      [fx.users.cy]: [3, 1, 2, 48],
      [fx.users.dee]: [1, 1, 0, 2],
    });
    expect(byInterviewer[0].id).toBe(fx.users.cy); // most overdue first
  });

  it("calibrates each rater against the rest of the panel on the same candidates", async () => {
    const raters = Object.fromEntries(
      (await calibration(ctx.db, filters(), fx.users.recruiter, NOW)).map((r) => [r.interviewerId, r]),
    );
    // Ada: +2.5 on Kim (5 vs median of 3 and 2), +1 on Zoë (4 vs 3), over 14 comparisons.
    expect(raters[fx.users.ada]).toMatchObject({
      offset: 1.75,
      comparisons: 14,
      leaning: "lenient",
      hireRate: 1,
      scorecards: 2,
    });
    expect(raters[fx.users.ada].distribution).toMatchObject({ strong: 7, "meets-plus": 7, meets: 0 });
    expect(raters[fx.users.ben]).toMatchObject({ offset: -0.75, comparisons: 14, leaning: "harsh", hireRate: 1 });
    expect(raters[fx.users.cy]).toMatchObject({ offset: -2, comparisons: 7, leaning: "harsh", hireRate: 0 });
    expect(raters[fx.users.dee]).toMatchObject({ offset: null, comparisons: 0, leaning: "too-few", hireRate: 0 });
    // Filtered to Cy, the rest of Kim's panel still serves as the comparison.
    const onlyCy = await calibration(ctx.db, filters({ interviewer: fx.users.cy }), fx.users.recruiter, NOW);
    expect(onlyCy.map((r) => [r.interviewerId, r.offset])).toEqual([[fx.users.cy, -2]]);
  });

  it("says what is wrong with a bad filter next to it, never a 500", async () => {
    const options = await reportOptions(ctx.db);
    const errors = (query: string) => {
      const parsed = parseReportQuery(new URLSearchParams(query), options);
      return parsed.ok ? {} : parsed.errors;
    };
    expect(errors("from=2026-03-10&to=2026-03-01")).toEqual({ to: "To is before From: the range is inverted" });
    expect(errors("from=2026-02-30")).toEqual({ from: "From: there is no such day" });
    expect(errors("to=yesterday")).toEqual({ to: "To: use a date like 2026-03-31" });
    expect(errors("stage=lunch&page=0")).toEqual({
      stage: "Unknown stage: choose one from the list",
      page: "Page must be a whole number from 1",
    });
    expect(errors(`position=${fx.users.ada}`)).toEqual({ position: "Unknown position: choose one from the list" });
    expect(errors("interviewer=nobody&sort=shoe-size")).toMatchObject({
      interviewer: expect.stringMatching(/Unknown interviewer/),
      sort: "Unknown column to sort by",
    });

    const page = await callRoute(
      pageLoader,
      request("/reports?from=2026-03-10&to=2026-03-01", { cookie: cookies.recruiter }),
    );
    expect(page.status).toBe(400);
    expect((await page.json()).errors.to).toMatch(/inverted/);
    const csv = await callRoute(csvLoader, request("/reports.csv?decision=maybe", { cookie: cookies.recruiter }));
    expect(csv.status).toBe(400);
    expect(await csv.text()).toMatch(/Unknown decision/);
    const beyond = await callRoute(pageLoader, request("/reports?page=99", { cookie: cookies.recruiter }));
    expect(beyond.status).toBe(400);
    expect((await beyond.json()).errors.page).toMatch(/past the last page/);
  });

  it("lets only recruiters and admins in: others get 403 and no data", async () => {
    for (const who of ["recruiter", "admin"])
      expect((await callRoute(pageLoader, request("/reports", { cookie: cookies[who] }))).status).toBe(200);
    for (const who of ["committee", "ada"]) {
      for (const [loader, url] of [
        [pageLoader, "/reports"],
        [csvLoader, "/reports.csv"],
        [pdfLoader, "/reports.pdf"],
        [zipLoader, `/reports.zip?candidate=${fx.candidates.kim}`],
      ] as const) {
        const response = await callRoute(loader, request(url, { cookie: cookies[who] }));
        expect(response.status, `${who} ${url}`).toBe(403);
        expect(await response.text()).not.toContain(NAMES.kim);
      }
    }
    const anonymous = await callRoute(csvLoader, request("/reports.csv"));
    expect(anonymous.status).toBe(302);
  });

  it("exports CSV that parses back to the same cells, formulas neutralised, and audits it", async () => {
    const response = await callRoute(
      csvLoader,
      request(`/reports.csv?position=${fx.positions.ops}&bom=1`, { cookie: cookies.recruiter }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="interviews-\d{4}-\d{2}-\d{2}-excel\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("\r\n");
    const [header, ...records] = parse(text, { bom: true, relax_column_count: false }) as string[][];
    expect(header.slice(0, 7)).toEqual([
      "Candidate",
      "Position",
      "Stage",
      "Interviewer",
      "Interview date (UTC)",
      "Submitted at (UTC)",
      "Scorecard",
    ]);
    const byInterviewer = Object.fromEntries(records.map((r) => [r[3], r]));
    // Every formula-looking cell starts with an apostrophe; the rest of it is unchanged.
    expect(byInterviewer[`'${NAMES.ada}`]).toBeUndefined();
    expect(byInterviewer[NAMES.ada][0]).toBe(`'${NAMES.evil}`);
    expect(byInterviewer[NAMES.ada][1]).toBe(`'${NAMES.ops}`);
    expect(byInterviewer[`'${NAMES.ben}`][0]).toBe(`'${NAMES.evil}`);
    expect(byInterviewer[`'${NAMES.cy}`]).toBeDefined();
    const carla = byInterviewer[`'${NAMES.dee}`];
    expect(carla[0]).toBe(`'${NAMES.carla}`);
    expect(carla.slice(4, 7)).toEqual(["2026-01-05T10:00:00Z", "2026-01-05T13:00:00Z", "Submitted"]);
    expect(carla.slice(7, 14)).toEqual(Array(7).fill("Meets"));
    expect(carla.slice(14)).toEqual(["No Hire", "Senior", "", ""]);
    expect(records).toHaveLength(4);

    const plain = await callRoute(csvLoader, request("/reports.csv?redFlag=overclaiming", { cookie: cookies.admin }));
    // The two CSV buttons download under two names: which copy is which shows in the folder.
    expect(plain.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="interviews-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const all = parse(await plain.text()) as string[][];
    expect(all).toHaveLength(2);
    expect(all[1][0]).toBe(NAMES.kim);
    // Red flags: each category once, at its highest severity, by the taxonomy's title; the candidate's latest decision.
    expect(all[1].slice(14)).toEqual(["No Hire", "Senior", "Overclaiming contribution 4; Generic answer 2", "Hire"]);

    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["actor_id", "action", "details", "at"])
      .where("action", "=", "report.export")
      .orderBy("id")
      .execute();
    expect(audit.slice(-2).map((a) => [a.actor_id, a.details])).toEqual([
      [fx.users.recruiter, { format: "csv", filters: { position: fx.positions.ops }, rows: 4 }],
      [fx.users.admin, { format: "csv", filters: { redFlag: "overclaiming" }, rows: 1 }],
    ]);
  });

  it("renders the PDF report and zips the chosen candidates' packets", async () => {
    const pdf = await callRoute(
      pdfLoader,
      request(`/reports.pdf?position=${fx.positions.backend}`, { cookie: cookies.recruiter }),
    );
    expect(pdf.status).toBe(200);
    const pdfBytes = Buffer.from(await pdf.arrayBuffer());
    expect(pdfBytes.subarray(0, 5).toString()).toBe("%PDF-");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "report-test-"));
    fs.writeFileSync(path.join(dir, "report.pdf"), pdfBytes);
    const { stdout: text } = await promisify(execFile)("pdftotext", ["-layout", path.join(dir, "report.pdf"), "-"]);
    expect(text).toContain("Recruiting report");
    expect(text).toContain(`Position: ${NAMES.backend}`);
    expect(text).toContain("Overdue scorecards");
    expect(text).toContain(NAMES.zoe);

    const zip = await callRoute(
      zipLoader,
      request(
        `/reports.zip?candidate=${fx.candidates.kim}&candidate=${fx.candidates.zoe}&candidate=${fx.candidates.kim}`,
        { cookie: cookies.recruiter },
      ),
    );
    expect(zip.status).toBe(200);
    expect(zip.headers.get("Content-Type")).toBe("application/zip");
    fs.writeFileSync(path.join(dir, "packets.zip"), Buffer.from(await zip.arrayBuffer()));
    const { stdout: listing } = await promisify(execFile)("unzip", ["-l", path.join(dir, "packets.zip")]);
    expect(listing).toContain("packet-kim-lee.pdf");
    expect(listing).toContain("packet-zoe-zed-jr.pdf");
    expect(listing).toMatch(/\b2 files\b/);
    fs.rmSync(dir, { recursive: true, force: true });

    expect((await callRoute(zipLoader, request("/reports.zip", { cookie: cookies.recruiter }))).status).toBe(400);
    const unknown = await callRoute(
      zipLoader,
      request("/reports.zip?candidate=00000000-0000-4000-8000-000000000000", { cookie: cookies.recruiter }),
    );
    expect(unknown.status).toBe(400);
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "report.export")
      .orderBy("id", "desc")
      .limit(2)
      .execute();
    expect(audit.map((a) => (a.details as { format: string; rows: number }).format)).toEqual(["zip", "pdf"]);
    expect((audit[0].details as { rows: number }).rows).toBe(2);
  });
});

// Enough rows to overflow every stream buffer between the database and the reader.
describe.each(dialects())("the CSV export on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  const ROWS = 5_000;

  beforeAll(async () => {
    const interviewer = await createTestUser(ctx.db, { name: "Ira Interviewer" });
    const position = await ctx.db
      .insertInto("positions")
      .values({
        title: "Support Lead",
        team: "Support",
        level_min: "Mid",
        level_max: "Senior",
        kit_id: "customer-experience-manager",
        competencies: "[]",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const candidate = await ctx.db
      .insertInto("candidates")
      .values({ position_id: position.id, name: `Casey ${"Long-Name ".repeat(20)}`, email: "casey@example.test" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await sql`insert into interviews (candidate_id, interviewer_id, scheduled_at, time_zone, duration_minutes, stage, kit_id)
      select ${candidate.id}::uuid, ${interviewer.id}::uuid, timestamptz '2026-01-01 09:00Z' + n * interval '1 minute', 'UTC', 45, 'onsite', 'customer-experience-manager'
      from generate_series(1, ${ROWS}::int) n`.execute(ctx.db);
  });

  it("streams: a reader that takes only the first lines leaves the later batches unqueried", async () => {
    let selects = 0;
    const counting: KyselyPlugin = {
      transformQuery: (args) => {
        if (args.node.kind === "SelectQueryNode") selects++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    };
    const csv = reportCsv(ctx.db.withPlugin(counting), reportFiltersSchema.parse({}), NOW, {
      batchSize: 250,
      viewerId: null,
    });
    const first: Buffer = await new Promise((resolve) => csv.once("data", resolve));
    csv.pause();
    expect(first.toString()).toMatch(/^Candidate,/);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // Paused after the first chunk: the buffers fill and the batches stop (21 would read everything).
    expect(selects).toBeLessThanOrEqual(3);
    csv.resume();
    const rest: Buffer[] = [];
    for await (const chunk of csv) rest.push(chunk as Buffer);
    expect(selects).toBe(ROWS / 250 + 1); // the last, empty batch says it is over
    const lines = parse(Buffer.concat([first, ...rest]).toString()) as string[][];
    expect(lines).toHaveLength(ROWS + 1);
    expect(new Set(lines.slice(1).map((l) => l[4])).size).toBe(ROWS); // each interview once, none skipped
  });
});

// Issue 13 item 3 on the Reports page: an admin who sits on Kim's panel and has not submitted yet
// reads Kim's progress but none of the others' ratings, in the table, the summary or calibration.
describe.each(dialects())("the report for someone who still owes feedback, on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let fx: Fixture;
  let panelist: string;

  beforeAll(async () => {
    fx = await seedReportFixture(ctx.db);
    panelist = (await createTestUser(ctx.db, { name: "Pat Panel", roles: ["admin", "interviewer"] })).id;
    await ctx.db
      .insertInto("interviews")
      .values({
        candidate_id: fx.candidates.kim,
        interviewer_id: panelist,
        scheduled_at: "2026-03-25T10:00:00Z",
        time_zone: "UTC",
        duration_minutes: 60,
        stage: "final",
        kit_id: "customer-experience-manager",
        focus_competencies: "[]",
        focus_questions: "[]",
      })
      .execute();
  });

  it("shows Kim's progress without the panel's ratings on the page, in the summary and in calibration", async () => {
    const response = await callRoute(
      pageLoader,
      request("/reports?range=all&sort=recommendation&dir=desc", { cookie: await signedInCookie(panelist) }),
    );
    expect(response.status).toBe(200);
    const { result } = await response.json();
    const kimRows = result.report.page.rows.filter(
      (r: { candidate_id: string }) => r.candidate_id === fx.candidates.kim,
    );
    expect(kimRows).toHaveLength(4);
    for (const row of kimRows)
      expect(row).toMatchObject({ recommendation: null, ratings: null, level: null, red_flags: null });
    expect(kimRows.filter((r: { status: string }) => r.status === "submitted")).toHaveLength(3); // progress stays
    // Sorting by recommendation puts the hidden ones with the empty ones, not at the top.
    expect(result.report.page.rows[0].candidate_name).not.toBe(NAMES.kim);
    expect(result.report.summary.recommendations).toEqual([
      { id: "strong-no-hire", count: 0 },
      { id: "no-hire", count: 1 },
      { id: "hire", count: 2 },
      { id: "strong-hire", count: 0 },
    ]);
    const raters = Object.fromEntries(
      result.report.calibration.map((r: { interviewerId: string; offset: number | null; comparisons: number }) => [
        r.interviewerId,
        [r.offset, r.comparisons],
      ]),
    );
    // Zoë's panel only: Ada 4 vs Ben's 3, Ben 3 vs Ada's 4; Cy's one card is on Kim.
    expect(raters).toEqual({ [fx.users.ada]: [1, 7], [fx.users.ben]: [-1, 7], [fx.users.dee]: [null, 0] });
    const strongHire = await reportPage(
      ctx.db,
      reportFiltersSchema.parse({ recommendation: "strong-hire" }),
      panelist,
      NOW,
    );
    expect(strongHire.total).toBe(0);
  });

  it("still shows everything to a recruiter who is not on the panel", async () => {
    const raters = await calibration(ctx.db, reportFiltersSchema.parse({}), fx.users.recruiter, NOW);
    expect(raters.find((r) => r.interviewerId === fx.users.ada)).toMatchObject({ offset: 1.75, comparisons: 14 });
  });
});
