import { beforeAll, describe, expect, it } from "vitest";
import { dialects, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { createTestUser, signedInCookie } from "../helpers/users";
import { action as saveRubric, loader as rubricPage } from "~/routes/admin.rubric";
import { action as saveFlags, loader as flagsPage } from "~/routes/admin.red-flags";
import { readRubricYaml, type RedFlagsFormInput, type RubricFormInput } from "~/kits/template-forms.schema";
import { syncSavedTemplates } from "~/kits/template-versions.server";
import { getTemplates, templateFiles } from "~/scorecards/templates.server";
import { redFlagTitles } from "~/scorecards/scorecard.server";

type Page<F> = { version: number; form: F; yaml: string; history: { version: number; author: string }[] };

describe.each(dialects())("the rubric and the red-flag taxonomy edited in the browser on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let admin: string;

  const rubric = async () =>
    (await callRoute(rubricPage, request("/admin/rubric", { cookie: admin }))).json() as Promise<Page<RubricFormInput>>;
  const flags = async () =>
    (await callRoute(flagsPage, request("/admin/red-flags", { cookie: admin }))).json() as Promise<
      Page<RedFlagsFormInput>
    >;
  const postRubric = (body: unknown) => callRoute(saveRubric, request("/admin/rubric", { cookie: admin, json: body }));
  const postFlags = (body: unknown) => callRoute(saveFlags, request("/admin/red-flags", { cookie: admin, json: body }));

  beforeAll(async () => {
    admin = await signedInCookie((await createTestUser(ctx.db, { roles: ["admin", "interviewer"] })).id);
  });

  it("starts from the files in templates/ as version 1", async () => {
    const page = await rubric();
    expect(page.version).toBe(1);
    expect(page.history).toEqual([]);
    expect(page.form.competencies.ownership.levels.meets).toBe(
      templateFiles().rubric.competencies.ownership.levels.meets,
    );
    expect(readRubricYaml(page.yaml)).toMatchObject({ ok: true });
  });

  it("names a blank anchor in plain words beside its field and stores nothing", async () => {
    const { form } = await rubric();
    const blank = structuredClone(form);
    blank.competencies.ownership.levels.meets = " ";
    const response = await postRubric(blank);
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({
      "competencies.ownership.levels.meets": "Level anchor: say what an answer at this level shows",
    });
    expect((await rubric()).version).toBe(1);
    const yaml = (await rubric()).yaml.replace(/^ {6}meets: .*\n/m, "");
    expect(readRubricYaml(yaml)).toEqual({ ok: false, problem: "Ownership, Meets level: required field is missing" });
  });

  it("saves a new version with who and when; every reader sees it; a stale form is refused", async () => {
    const { form } = await rubric();
    const edited = structuredClone(form);
    edited.competencies.ownership.levels.meets = "Owns the assigned work and sees it through.";
    const saved = await postRubric(edited);
    expect(saved.headers.get("Location")).toBe("/admin/rubric");
    const page = await rubric();
    expect(page.version).toBe(2);
    expect(page.history).toEqual([expect.objectContaining({ version: 2, author: expect.any(String) })]);
    expect(getTemplates().rubric.competencies.ownership.levels.meets).toBe(
      "Owns the assigned work and sees it through.",
    );
    const stale = await postRubric(form);
    expect(stale.status).toBe(409);
    expect((await stale.json()).errors.form).toMatch(/Someone saved version 2 while you were editing version 1/);
    const audit = await ctx.db.selectFrom("audit_log").select("action").where("subject_id", "=", "rubric").execute();
    expect(audit).toEqual([{ action: "rubric.edit" }]);
  });

  it("saves the taxonomy; flag titles shown on scorecards follow it, after a restart too", async () => {
    const { form } = await flags();
    const edited = structuredClone(form);
    edited.flags.overclaiming.title = "Claims the team's work";
    expect((await postFlags(edited)).status).toBe(302);
    expect(redFlagTitles().overclaiming).toBe("Claims the team's work");
    // A restart: the process forgets, start-up reads the saved version back.
    const { adoptSavedTemplates } = await import("~/scorecards/templates.server");
    adoptSavedTemplates({});
    expect(redFlagTitles().overclaiming).toBe(templateFiles().redFlags.overclaiming.title);
    await syncSavedTemplates(ctx.db);
    expect(redFlagTitles().overclaiming).toBe("Claims the team's work");
    const blank = structuredClone(edited);
    blank.flags["blame-shifting"].suggestion = "";
    const refused = await postFlags({ ...blank, baseVersion: 2 });
    expect((await refused.json()).errors).toEqual({
      "flags.blame-shifting.suggestion": "Suggestion: give the advice printed with the flag",
    });
  });
});
