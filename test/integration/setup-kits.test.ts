import { beforeAll, describe, expect, it } from "vitest";
import { dialects, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { createTestUser, signedInCookie } from "../helpers/users";
import { action as kitAction } from "~/routes/admin.kits.$kitId";
import { action as saveForm, loader as formPage } from "~/routes/admin.kits.$kitId_.edit";
import { action as createAction } from "~/routes/admin.kits.new";
import { readKitYaml } from "~/kits/kit.schema";
import type { KitFormInput } from "~/kits/kit-form.schema";
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

  const save = (form: KitFormInput) =>
    callRoute(saveForm, request(`/admin/kits/${KIT}/edit`, { cookie: admin, json: form }), { kitId: KIT });
  const editor = async () =>
    (
      await callRoute(formPage, request(`/admin/kits/${KIT}/edit`, { cookie: admin }), { kitId: KIT })
    ).json() as Promise<{ version: number; form: KitFormInput; yaml: string }>;
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

  it("reads an imported kit's YAML with plain words for the field at fault", async () => {
    const { yaml } = await editor();
    expect(readKitYaml(yaml)).toMatchObject({ ok: true, value: { id: KIT } });
    expect(readKitYaml(yaml.replace("timeBoxMinutes: 6", "timeBoxMinutes: 600"))).toEqual({
      ok: false,
      problem: "Question 1, Time box (minutes): must be between 1 and 60 minutes",
    });
    expect(readKitYaml(yaml.replace(/^ {4}timeBoxMinutes: 6\n/m, ""))).toEqual({
      ok: false,
      problem: "Question 1, Time box (minutes): required field is missing",
    });
    expect(readKitYaml("id: [unclosed")).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/^Line 1, column \d+: /),
    });
    expect(readKitYaml(yaml.replace("title:", "titel:"))).toMatchObject({
      ok: false,
      problem: "Title: required field is missing (and 1 more problem)",
    });
  });

  it("refuses to rename a kit through its form and writes nothing", async () => {
    const { form } = await editor();
    const renamed = await save({ ...form, id: "another-kit" });
    expect(renamed.status).toBe(400);
    expect((await renamed.json()).errors).toEqual({
      id: `Kit id: must stay "${KIT}"; duplicate the kit to start a new one`,
    });
    expect(await ctx.db.selectFrom("kit_versions").select("version").execute()).toEqual([]);
  });

  it("stores an edit as a new version; a scorecard written against the old version keeps it", async () => {
    const before = await currentKit(ctx.db, KIT);
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

    const { form } = await editor();
    const [first, ...rest] = form.questions;
    const edited = {
      ...form,
      questions: [{ ...first, prompt: "Tell me about a problem nobody owned that you fixed anyway." }, ...rest],
    };
    expect((await save(edited)).status).toBe(302);

    expect((await currentKit(ctx.db, KIT)).version).toBe(2);
    expect((await currentKit(ctx.db, KIT)).kit.questions[0].prompt).toBe(
      "Tell me about a problem nobody owned that you fixed anyway.",
    );
    expect((await kitAtVersion(ctx.db, KIT, 1)).kit.questions[0].prompt).toBe(oldPrompt);

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
    const { form } = await editor();
    const stale = await save({ ...form, baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect((await stale.json()).errors.form).toMatch(/Someone saved version 2 while you were editing version 1/);
  });

  it("duplicates a kit in one click under a free id and a 'Copy of' title, ready to edit", async () => {
    const copy = () =>
      callRoute(kitAction, request(`/admin/kits/${KIT}`, { cookie: admin, form: { intent: "duplicate" } }), {
        kitId: KIT,
      });
    expect((await copy()).headers.get("Location")).toBe(`/admin/kits/${KIT}-copy/edit`);
    expect((await copy()).headers.get("Location")).toBe(`/admin/kits/${KIT}-copy-2/edit`);
    const unknown = await callRoute(
      kitAction,
      request(`/admin/kits/${KIT}`, { cookie: admin, form: { intent: "rename" } }),
      {
        kitId: KIT,
      },
    );
    expect(unknown.status).toBe(400);
    const kits = await listCurrentKits(ctx.db);
    const { title } = (await currentKit(ctx.db, KIT)).kit;
    expect(kits.find((k) => k.kit.id === `${KIT}-copy`)).toMatchObject({
      version: 1,
      kit: { title: `Copy of ${title}` },
    });
  });

  it("creates a new kit from the form; its id must be free", async () => {
    const { form } = await editor();
    const create = (body: KitFormInput) =>
      callRoute(createAction, request("/admin/kits/new", { cookie: admin, json: body }));
    const fresh = { ...form, id: "support-lead", title: "Support lead", baseVersion: 0 };
    const created = await create(fresh);
    expect(created.headers.get("Location")).toBe("/admin/kits/support-lead");
    expect((await currentKit(ctx.db, "support-lead")).kit.title).toBe("Support lead");
    const again = await create(fresh);
    expect(again.status).toBe(409);
    expect((await again.json()).errors).toEqual({ id: 'Kit id: a kit with the id "support-lead" exists already' });
    const reserved = await create({ ...fresh, id: "new" });
    expect((await reserved.json()).errors).toEqual({ id: "Kit id: choose another id; new is reserved" });
    const positions = await callRoute(kitsLoader, request("/admin/kits", { cookie: admin }));
    expect((await positions.json()).kits).toContainEqual(
      expect.objectContaining({ id: "support-lead", origin: "Created in Panel" }),
    );
  });
});
