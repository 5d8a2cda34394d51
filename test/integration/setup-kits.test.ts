import YAML from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { dialects, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { createTestUser, signedInCookie } from "../helpers/users";
import { action as kitAction, loader as kitLoader } from "~/routes/admin.kits.$kitId";
import { loader as kitsLoader } from "~/routes/admin.kits._index";
import { currentKit, kitAtVersion, listCurrentKits } from "~/scorecards/kits.server";
import { openScorecard } from "~/scorecards/scorecard.server";
import { emptyScorecard } from "~/scorecards/scorecard.schema";

const KIT = "generic-behavioral";

describe.each(dialects())("question kits edited in the browser on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let admin: string;
  let interviewerId: string;
  let positionId: string;
  let candidateId: string;

  const save = (yaml: string, baseVersion: number) =>
    callRoute(
      kitAction,
      request(`/admin/kits/${KIT}`, {
        cookie: admin,
        form: { intent: "save", yaml, baseVersion: String(baseVersion) },
      }),
      { kitId: KIT },
    );
  const editor = async () =>
    (await callRoute(kitLoader, request(`/admin/kits/${KIT}`, { cookie: admin }), { kitId: KIT })).json();
  const interview = async () =>
    (
      await ctx.db
        .insertInto("interviews")
        .values({
          candidate_id: candidateId,
          interviewer_id: interviewerId,
          scheduled_at: new Date(Date.now() - 3600_000),
          time_zone: "UTC",
          duration_minutes: 30,
          stage: "onsite",
          focus_competencies: "[]",
          focus_questions: JSON.stringify(["owned-a-problem"]),
          kit_id: KIT,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;

  beforeAll(async () => {
    admin = await signedInCookie((await createTestUser(ctx.db, { roles: ["admin"] })).id);
    interviewerId = (await createTestUser(ctx.db, { roles: ["interviewer"] })).id;
    positionId = (
      await ctx.db
        .insertInto("positions")
        .values({
          title: "Any Role",
          team: "Ops",
          level_min: "Mid",
          level_max: "Senior",
          kit_id: KIT,
          competencies: '["ownership"]',
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
    candidateId = (
      await ctx.db
        .insertInto("candidates")
        .values({
          position_id: positionId,
          name: "Kit Candidate",
          email: "kit@example.org",
          level_applied: null,
          source: null,
          cv_url: null,
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  });

  it("lists the template files with their validation state", async () => {
    const { checks, kits } = await (await callRoute(kitsLoader, request("/admin/kits", { cookie: admin }))).json();
    expect(checks).toContainEqual({ file: "templates/kits/generic-behavioral.yaml", ok: true });
    expect(kits).toContainEqual(expect.objectContaining({ id: KIT, version: 1, origin: "templates/" }));
  });

  it("names the field of a kit that breaks the schema and writes nothing", async () => {
    const { yaml } = await editor();
    const broken = await save(yaml.replace("timeBoxMinutes: 6", "timeBoxMinutes: 600"), 1);
    expect(broken.status).toBe(400);
    expect((await broken.json()).errors).toEqual({
      yaml: "questions[0].timeBoxMinutes: must be between 1 and 60 minutes",
    });
    const badYaml = await save("id: [unclosed", 1);
    expect((await badYaml.json()).errors.yaml).toMatch(/^line 1, column \d+: /);
    const renamed = await save(yaml.replace(`id: ${KIT}`, "id: another-kit"), 1);
    expect((await renamed.json()).errors).toEqual({
      yaml: `id: must stay "${KIT}"; duplicate the kit to start a new one`,
    });
    expect(await ctx.db.selectFrom("kit_versions").select("version").execute()).toEqual([]);
  });

  it("stores an edit as a new version; a scorecard written against the old version keeps it", async () => {
    const before = await currentKit(KIT);
    const oldPrompt = before.kit.questions[0].prompt;
    const submittedInterview = await interview();
    const content = {
      ...emptyScorecard([
        { questionId: "owned-a-problem", question: oldPrompt, answer: "I fixed the build.", notes: "" },
      ]),
      summary: "Fixed it.",
    };
    await ctx.db
      .insertInto("scorecards")
      .values({
        interview_id: submittedInterview,
        author_id: interviewerId,
        status: "submitted",
        content: JSON.stringify(content),
        revision: 1,
        submitted_at: new Date(),
        updated_at: new Date(),
        kit_id: KIT,
        kit_version: 1,
      })
      .execute();

    const { yaml } = await editor();
    const doc = YAML.parse(yaml);
    doc.questions[0].prompt = "Tell me about a problem nobody owned that you fixed anyway.";
    expect((await save(YAML.stringify(doc), 1)).status).toBe(302);

    expect((await currentKit(KIT)).version).toBe(2);
    expect((await currentKit(KIT)).kit.questions[0].prompt).toBe(
      "Tell me about a problem nobody owned that you fixed anyway.",
    );
    expect((await kitAtVersion(KIT, 1)).kit.questions[0].prompt).toBe(oldPrompt);

    const old = await openScorecard({ id: interviewerId }, submittedInterview);
    expect(old.kit.version).toBe(1);
    expect(old.kit.questions[0].prompt).toBe(oldPrompt);
    expect(old.scorecard.content.answers[0].question).toBe(oldPrompt);
    const fresh = await openScorecard({ id: interviewerId }, await interview());
    expect(fresh.kit.version).toBe(2);
    expect(fresh.scorecard.content.answers[0].question).toBe(
      "Tell me about a problem nobody owned that you fixed anyway.",
    );

    const audit = await ctx.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "kit.edit")
      .executeTakeFirstOrThrow();
    expect(audit.details).toMatchObject({
      before: { version: 1 },
      after: { version: 2 },
      changedQuestions: ["owned-a-problem"],
    });
  });

  it("refuses an edit based on a version that is no longer the newest", async () => {
    const { yaml } = await editor();
    const stale = await save(yaml, 1);
    expect((await stale.json()).errors.yaml).toMatch(/Someone saved version 2 while you were editing version 1/);
  });

  it("duplicates a kit under a new id that positions can then use", async () => {
    const copy = (newId: string) =>
      callRoute(
        kitAction,
        request(`/admin/kits/${KIT}`, { cookie: admin, form: { intent: "duplicate", newId, newTitle: "Support kit" } }),
        { kitId: KIT },
      );
    expect((await copy("support-kit")).headers.get("Location")).toBe("/admin/kits/support-kit");
    expect((await (await copy("support-kit")).json()).errors).toEqual({
      newId: 'A kit with the id "support-kit" exists already',
    });
    expect((await (await copy("Not A Slug")).json()).errors.newId).toMatch(/lowercase/);
    const kits = await listCurrentKits();
    expect(kits.find((k) => k.kit.id === "support-kit")).toMatchObject({ version: 1, kit: { title: "Support kit" } });
  });
});
