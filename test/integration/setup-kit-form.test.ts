import { beforeAll, describe, expect, it } from "vitest";
import { dialects, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { createTestUser, signedInCookie } from "../helpers/users";
import { action as saveForm, loader as formPage } from "~/routes/admin.kits.$kitId_.edit";
import { currentKit, kitAtVersion } from "~/scorecards/kits.server";
import { kitChanges, type KitFormInput } from "~/kits/kit-form.schema";

const KIT = "generic-behavioral";

describe.each(dialects())("question kits edited as a form on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let admin: string;

  const page = async () =>
    (
      await callRoute(formPage, request(`/admin/kits/${KIT}/edit`, { cookie: admin }), { kitId: KIT })
    ).json() as Promise<{ version: number; form: KitFormInput }>;
  const post = (body: unknown) =>
    callRoute(saveForm, request(`/admin/kits/${KIT}/edit`, { cookie: admin, json: body }), { kitId: KIT });

  beforeAll(async () => {
    admin = await signedInCookie((await createTestUser(ctx.db, { roles: ["admin"] })).id);
  });

  it("shows the current kit as form values, lists as lines", async () => {
    const { version, form } = await page();
    expect(version).toBe(1);
    expect(form.baseVersion).toBe(1);
    expect(form.questions.length).toBeGreaterThan(1);
    expect(Array.isArray(form.questions[0].lookFor)).toBe(true);
  });

  it("names each bad field in plain words and stores nothing", async () => {
    const { form } = await page();
    const [first, second] = form.questions;
    const response = await post({
      ...form,
      title: " ",
      questions: [
        { ...first, timeBoxMinutes: "", competencies: [], lookFor: ["", "  "] },
        { ...second, id: first.id, timeBoxMinutes: 90 },
      ],
    });
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toEqual({
      title: "Title: give the kit a title",
      "questions.0.timeBoxMinutes": "Time box: enter minutes between 1 and 60",
      "questions.0.competencies": "Competencies: tick at least one",
      "questions.0.lookFor": "What to look for: add at least one line",
      "questions.1.timeBoxMinutes": "Time box: enter minutes between 1 and 60",
      "questions.1.id": "Question id: another question uses this id already",
    });
    expect((await currentKit(ctx.db, KIT)).version).toBe(1);
  });

  it("saves reordered, added and removed questions as a new version, audited; the old version stays", async () => {
    const { form } = await page();
    const [first, second, ...rest] = form.questions;
    const added = {
      ...first,
      id: "new-question",
      prompt: "Tell me about a time you changed your mind.",
      lookFor: ["Names what changed it", ""],
      source: "",
    };
    const edited: KitFormInput = {
      ...form,
      title: "Behavioural basics",
      questions: [second, first, ...rest.slice(1), added],
    };
    expect(kitChanges(form, edited)).toEqual([
      'Title: "' + form.title + '" → "Behavioural basics"',
      "Added question: Tell me about a time you changed your mind.",
      `Removed question: ${rest[0].prompt}`,
      "Questions reordered",
    ]);
    const response = await post(edited);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe(`/admin/kits/${KIT}`);
    const saved = await currentKit(ctx.db, KIT);
    expect(saved.version).toBe(2);
    expect(saved.kit.title).toBe("Behavioural basics");
    expect(saved.kit.questions.map((q) => q.id)).toEqual([
      second.id,
      first.id,
      ...rest.slice(1).map((q) => q.id),
      "new-question",
    ]);
    expect(saved.kit.questions.at(-1)).toMatchObject({ lookFor: ["Names what changed it"] });
    expect(saved.kit.questions.at(-1)).not.toHaveProperty("source");
    expect((await kitAtVersion(ctx.db, KIT, 1)).kit.title).toBe(form.title);
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("subject_id", "=", KIT)
      .execute();
    expect(audit).toEqual([expect.objectContaining({ action: "kit.edit" })]);

    // A form opened before that save is refused instead of overwriting it.
    const stale = await post(form);
    expect((await stale.json()).errors).toEqual({
      form: "Someone saved version 2 while you were editing version 1: reload to see it",
    });
  });
});
