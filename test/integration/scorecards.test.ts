import type { KyselyPlugin, RootOperationNode } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "~db/index.server";
import { writeScorecard } from "~/scorecards/scorecard.server";
import { dialects, seedDemo, useTestDatabase } from "../helpers/db";
import { signedInCookieFor } from "../helpers/users";
import { callRoute, request } from "../helpers/http";
import { loader as pageLoader } from "~/routes/interviews.$interviewId";
import { action as scorecardAction } from "~/routes/interviews.$interviewId.scorecard";
import { loader as markdownLoader } from "~/routes/interviews.$interviewId.scorecard[.]md";
import { COMPETENCY_IDS } from "~/scorecards/rubric";
import { emptyScorecard, type ScorecardContent } from "~/scorecards/scorecard.schema";

function complete(
  content: ScorecardContent,
  summary = "The candidate described a churn-risk account in detail.",
): ScorecardContent {
  return {
    ...content,
    ratings: Object.fromEntries(
      COMPETENCY_IDS.map((id) => [id, id === "leadership" ? "not-assessed" : "meets"]),
    ) as ScorecardContent["ratings"],
    recommendation: "hire",
    level: "Mid",
    summary,
  };
}

describe.each(dialects())("scorecards on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let priya: string;
  let marcus: string;
  let interviewIdOf: (interviewer: string, candidate: string) => Promise<string>;

  beforeAll(async () => {
    await seedDemo(ctx.db);
    priya = await signedInCookieFor(ctx.db, "interviewer@example.com");
    marcus = await signedInCookieFor(ctx.db, "interviewer2@example.com");
    interviewIdOf = async (interviewer, candidate) => {
      const row = await ctx.db
        .selectFrom("interviews")
        .innerJoin("users", "users.id", "interviews.interviewer_id")
        .innerJoin("candidates", "candidates.id", "interviews.candidate_id")
        .select("interviews.id")
        .where("users.email", "=", interviewer)
        .where("candidates.name", "=", candidate)
        .orderBy("interviews.scheduled_at", "asc")
        .executeTakeFirstOrThrow();
      return row.id;
    };
  });

  const open = async (id: string, cookie: string) =>
    callRoute(pageLoader, request(`/interviews/${id}`, { cookie }), { interviewId: id });
  const write = (id: string, cookie: string, body: unknown) =>
    callRoute(scorecardAction, request(`/interviews/${id}/scorecard`, { cookie, json: body }), { interviewId: id });

  it("saves a first draft, then refuses a save based on an older version and shows both texts", async () => {
    const id = await interviewIdOf("interviewer@example.com", "Aisha Bello");
    const page = await (await open(id, priya)).json();
    expect(page.scorecard.version).toBe(0);
    expect(page.scorecard.content.answers.length).toBeGreaterThan(0);

    const first = { ...page.scorecard.content, notes: "tab A: first words" };
    const saved = await write(id, priya, { intent: "save", baseVersion: 0, content: first });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ ok: true, saved: { version: 1, status: "draft" } });

    const tabA = await write(id, priya, {
      intent: "save",
      baseVersion: 1,
      content: { ...first, notes: "tab A: second words" },
    });
    expect((await tabA.json()).saved.version).toBe(2);

    // A second tab that loaded version 1 must not overwrite tab A silently.
    const tabB = await write(id, priya, {
      intent: "save",
      baseVersion: 1,
      content: { ...first, notes: "tab B: other words" },
    });
    expect(tabB.status).toBe(409);
    const conflict = await tabB.json();
    expect(conflict).toMatchObject({
      ok: false,
      code: "conflict",
      errors: { form: expect.stringMatching(/another tab/) },
    });
    expect(conflict.current.version).toBe(2);
    expect(conflict.current.content.notes).toBe("tab A: second words");

    const reloaded = await (await open(id, priya)).json();
    expect(reloaded.scorecard.content.notes).toBe("tab A: second words");
  });

  it("autosaves an existing draft in one statement, and still explains a stale or foreign save", async () => {
    const id = await interviewIdOf("interviewer@example.com", "Aisha Bello");
    const priyaUser = await ctx.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "interviewer@example.com")
      .executeTakeFirstOrThrow();
    const marcusUser = await ctx.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "interviewer2@example.com")
      .executeTakeFirstOrThrow();
    const { scorecard } = await (await open(id, priya)).json();
    const statements: string[] = [];
    const counter: KyselyPlugin = {
      transformQuery: ({ node }) => (statements.push(node.kind), node as RootOperationNode),
      transformResult: async ({ result }) => result,
    };
    setDatabase({ ...ctx.database, db: ctx.db.withPlugin(counter) });
    const content = { ...scorecard.content, notes: "counted save" };
    const saved = await writeScorecard(priyaUser, id, { intent: "save", baseVersion: scorecard.version, content });
    expect(saved.version).toBe(scorecard.version + 1);
    expect(statements).toEqual(["UpdateQueryNode"]);

    await expect(
      writeScorecard(priyaUser, id, { intent: "save", baseVersion: scorecard.version, content }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      writeScorecard(marcusUser, id, { intent: "save", baseVersion: saved.version, content }),
    ).rejects.toMatchObject({ code: "not-found" });
    setDatabase(ctx.database);
    const row = await ctx.db
      .selectFrom("scorecards")
      .select(["version", "content"])
      .where("interview_id", "=", id)
      .executeTakeFirstOrThrow();
    expect(row.version).toBe(saved.version);
    expect((row.content as { notes: string }).notes).toBe("counted save");
  });

  it("refuses a submit with missing ratings, naming each field", async () => {
    const id = await interviewIdOf("interviewer@example.com", "Tomás Silva");
    const page = await (await open(id, priya)).json();
    const response = await write(id, priya, {
      intent: "submit",
      baseVersion: page.scorecard.version,
      content: page.scorecard.content,
    });
    expect(response.status).toBe(400);
    const { errors } = await response.json();
    expect(errors["content.ratings.ownership"]).toMatch(/Rate this competency/);
    expect(errors["content.recommendation"]).toMatch(/recommendation/);
    expect(errors["content.summary"]).toMatch(/summary/);
  });

  it("keeps other interviewers' feedback hidden until one's own is submitted, then submits once", async () => {
    const id = await interviewIdOf("interviewer@example.com", "Tomás Silva");
    const before = await (await open(id, priya)).json();
    expect(before.others).toEqual([]);

    const content = complete(before.scorecard.content);
    const body = { intent: "submit", baseVersion: before.scorecard.version, content };
    // A double-clicked submit: the same version twice; exactly one lands.
    const [a, b] = await Promise.all([write(id, priya, body), write(id, priya, body)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);

    const after = await (await open(id, priya)).json();
    expect(after.scorecard.status).toBe("submitted");
    expect(after.scorecard.revision).toBe(1);
    expect(after.others.map((o: { interviewer_name: string }) => o.interviewer_name).sort()).toEqual([
      "Lena Fischer",
      "Marcus Webb",
    ]);
    expect(after.revisions).toHaveLength(1);

    const audit = await ctx.db
      .selectFrom("audit_log")
      .select("action")
      .where("action", "=", "scorecard.submit")
      .execute();
    expect(audit.length).toBeGreaterThanOrEqual(1);

    const late = await write(id, priya, { intent: "save", baseVersion: after.scorecard.version, content });
    expect(late.status).toBe(409);
    expect(await late.json()).toMatchObject({
      ok: false,
      code: "conflict",
      errors: { form: expect.stringMatching(/amend/) },
    });
  });

  it("amends with a required reason and keeps every revision", async () => {
    const id = await interviewIdOf("interviewer@example.com", "Tomás Silva");
    const page = await (await open(id, priya)).json();
    const content = complete(page.scorecard.content, "Amended summary after the debrief with the whole panel.");
    const noReason = await write(id, priya, {
      intent: "amend",
      baseVersion: page.scorecard.version,
      content,
      reason: "  ",
    });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).errors.reason).toMatch(/why/);

    const amended = await write(id, priya, {
      intent: "amend",
      baseVersion: page.scorecard.version,
      content,
      reason: "Typo in summary",
    });
    expect(amended.status).toBe(200);
    const after = await (await open(id, priya)).json();
    expect(after.scorecard.revision).toBe(2);
    expect(after.revisions.map((r: { revision: number; reason: string | null }) => [r.revision, r.reason])).toEqual([
      [1, null],
      [2, "Typo in summary"],
    ]);
    expect(after.revisions[0].content.summary).not.toBe(after.revisions[1].content.summary);
  });

  it("answers 404 for another interviewer's interview and for ids that are not ids", async () => {
    const priyasInterview = await interviewIdOf("interviewer@example.com", "Aisha Bello");
    expect((await open(priyasInterview, marcus)).status).toBe(404);
    expect(
      (await write(priyasInterview, marcus, { intent: "save", baseVersion: 0, content: emptyScorecard() })).status,
    ).toBe(404);
    expect((await open("not-a-uuid", priya)).status).toBe(404);
    expect((await open("00000000-0000-4000-8000-000000000000", priya)).status).toBe(404);
  });

  it("rejects oversize fields, unknown ids and bad severities with field errors, and keeps HTML as text", async () => {
    const id = await interviewIdOf("interviewer@example.com", "Aisha Bello");
    const page = await (await open(id, priya)).json();
    const base = page.scorecard.content as ScorecardContent;
    const cases: [unknown, string][] = [
      [{ ...base, answers: [{ ...base.answers[0], answer: "x".repeat(50_001) }] }, "content.answers.0.answer"],
      [{ ...base, summary: "y".repeat(10_001) }, "content.summary"],
      [{ ...base, ratings: { ...base.ratings, charisma: "strong" } }, "content.ratings"],
      [
        {
          ...base,
          redFlags: [{ category: "arrogance", severity: 3, justification: "", evidence: [], suggestion: "" }],
        },
        "content.redFlags.0.category",
      ],
      [
        {
          ...base,
          redFlags: [{ category: "overclaiming", severity: 6, justification: "", evidence: [], suggestion: "" }],
        },
        "content.redFlags.0.severity",
      ],
    ];
    for (const [content, field] of cases) {
      const response = await write(id, priya, { intent: "save", baseVersion: page.scorecard.version, content });
      expect(response.status, field).toBe(400);
      expect(Object.keys((await response.json()).errors), field).toContain(field);
    }
    const html = '<script>alert("x")</script><b>bold</b>';
    const saved = await write(id, priya, {
      intent: "save",
      baseVersion: page.scorecard.version,
      content: { ...base, notes: html },
    });
    expect(saved.status).toBe(200);
    expect((await (await open(id, priya)).json()).scorecard.content.notes).toBe(html);
  });

  it("exports a submitted scorecard as Markdown in the seed layout, and nothing for a draft", async () => {
    const submitted = await interviewIdOf("interviewer@example.com", "Jordan Rivera");
    const response = await callRoute(
      markdownLoader,
      request(`/interviews/${submitted}/scorecard.md`, { cookie: priya }),
      { interviewId: submitted },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/text\/markdown/);
    expect(response.headers.get("Content-Disposition")).toMatch(/attachment; filename="scorecard-jordan-rivera-/);
    const markdown = await response.text();
    expect(markdown).toMatch(
      /^# Scorecard: Jordan Rivera\n\n- \*\*Candidate\*\*: Jordan Rivera\n- \*\*Position\*\*: .+\n/,
    );
    expect(markdown).toMatch(/\n- \*\*Interviewer\*\*: .+\n- \*\*Stage\*\*: .+\n- \*\*Interview\*\*: .+ \(.+\)\n/);
    expect(markdown).not.toMatch(/^=+$/m);
    expect(markdown).toContain("**Rating**: Hire");
    expect(markdown).toContain("Ownership: Strong");

    // Accented letters are spelled out in the file name, not dropped ("tom-s-silva").
    const tomas = await interviewIdOf("interviewer@example.com", "Tomás Silva");
    const accented = await callRoute(markdownLoader, request(`/interviews/${tomas}/scorecard.md`, { cookie: priya }), {
      interviewId: tomas,
    });
    expect(accented.headers.get("Content-Disposition")).toMatch(
      /filename="scorecard-tomas-silva-\d{4}-\d{2}-\d{2}\.md"/,
    );
    expect(await accented.text()).toMatch(/^# Scorecard: Tomás Silva\n/);

    const draft = await interviewIdOf("interviewer@example.com", "Aisha Bello");
    const none = await callRoute(markdownLoader, request(`/interviews/${draft}/scorecard.md`, { cookie: priya }), {
      interviewId: draft,
    });
    expect(none.status).toBe(404);
  });
});
