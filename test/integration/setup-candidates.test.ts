import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { dialects, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { createTestUser, signedInCookie } from "../helpers/users";
import { action as newPosition } from "~/routes/positions.new";
import { action as editPosition } from "~/routes/positions.$positionId";
import { action as newCandidate } from "~/routes/candidates.new";
import { action as editCandidate } from "~/routes/candidates.$candidateId.edit";
import { loader as candidateList } from "~/routes/candidates._index";

const position = (overrides: Record<string, string> = {}) => ({
  title: "Support Lead",
  team: "Customer Success",
  levelMin: "Mid",
  levelMax: "Senior",
  kitId: "generic-behavioral",
  competencies: "ownership",
  idempotencyKey: crypto.randomUUID(),
  ...overrides,
});

describe.each(dialects())("positions and candidates on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let recruiter: string;
  let interviewer: string;
  let positionId: string;
  let otherPositionId: string;

  const createPosition = async (form: Record<string, string>) =>
    callRoute(newPosition, request("/positions/new", { cookie: recruiter, form }));
  const createCandidate = async (form: Record<string, string>) =>
    callRoute(
      newCandidate,
      request("/candidates/new", {
        cookie: recruiter,
        form: { levelApplied: "", source: "", cvUrl: "", idempotencyKey: crypto.randomUUID(), ...form },
      }),
    );
  const idFrom = (response: Response) => response.headers.get("Location")!.split("/").pop()!;

  beforeAll(async () => {
    recruiter = await signedInCookie(
      (await createTestUser(ctx.db, { roles: ["recruiter"], name: "Rita Recruiter" })).id,
    );
    interviewer = await signedInCookie((await createTestUser(ctx.db, { roles: ["interviewer"] })).id);
    positionId = idFrom(await createPosition(position()));
    otherPositionId = idFrom(await createPosition(position({ title: "Support Engineer" })));
  });

  it("creates a position once however often the same form is posted, and audits it", async () => {
    const form = position({ title: "Double Click Manager" });
    const [first, second] = await Promise.all([createPosition(form), createPosition(form)]);
    expect(first.status).toBe(302);
    expect(second.headers.get("Location")).toBe(first.headers.get("Location"));
    const rows = await ctx.db
      .selectFrom("positions")
      .select("id")
      .where("title", "=", "Double Click Manager")
      .execute();
    expect(rows).toHaveLength(1);
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("subject_id", "=", rows[0].id)
      .execute();
    expect(audit).toEqual([
      {
        action: "position.create",
        details: expect.objectContaining({
          before: null,
          after: expect.objectContaining({ title: "Double Click Manager" }),
        }),
      },
    ]);
  });

  it("refuses an unknown kit, an inverted level range and no competencies with field errors", async () => {
    const kit = await createPosition(position({ kitId: "no-such-kit" }));
    expect(kit.status).toBe(400);
    expect((await kit.json()).errors).toEqual({ kitId: expect.stringContaining("question kits") });
    const levels = await createPosition(position({ levelMin: "Staff", levelMax: "Junior" }));
    expect((await levels.json()).errors).toEqual({ levelMax: "The highest level must not be below the lowest" });
    const { competencies: _none, ...noCompetencies } = position();
    const empty = await createPosition(noCompetencies);
    expect((await empty.json()).errors).toEqual({ competencies: "Choose at least one competency the loop must cover" });
  });

  it("lets only recruiters and admins create positions", async () => {
    const response = await callRoute(newPosition, request("/positions/new", { cookie: interviewer, form: position() }));
    expect(response.status).toBe(403);
  });

  it("edits and closes a position with before and after in the audit log; a closed position takes no candidates", async () => {
    const id = idFrom(await createPosition(position({ title: "Temp Role" })));
    const edit = await callRoute(
      editPosition,
      request(`/positions/${id}`, { cookie: recruiter, form: { ...position({ title: "Renamed Role" }) } }),
      { positionId: id },
    );
    expect(edit.status).toBe(302);
    await callRoute(editPosition, request(`/positions/${id}`, { cookie: recruiter, form: { intent: "close" } }), {
      positionId: id,
    });
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("subject_id", "=", id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["position.create", "position.update", "position.close"]);
    expect(audit[1].details).toMatchObject({ before: { title: "Temp Role" }, after: { title: "Renamed Role" } });
    expect(audit[2].details).toEqual({ before: { status: "open" }, after: { status: "closed" } });

    const refused = await createCandidate({ name: "Late Applicant", email: "late@example.org", positionId: id });
    expect((await refused.json()).errors.positionId).toMatch(/closed/);
  });

  it("adds a candidate and answers a duplicate email for the same position with a link to the existing one", async () => {
    const created = await createCandidate({
      name: "Ada Lovelace",
      email: "ada@example.org",
      positionId,
      levelApplied: "Senior",
      cvUrl: "https://example.org/cv.pdf",
    });
    expect(created.status).toBe(302);
    const adaId = idFrom(created);

    const duplicate = await createCandidate({ name: "Ada L.", email: "ADA@example.org", positionId });
    expect(duplicate.status).toBe(400);
    const body = await duplicate.json();
    expect(body.errors.email).toMatch(/Ada Lovelace already applied/);
    expect(body.duplicate).toEqual({ id: adaId, name: "Ada Lovelace", archived_at: null });

    const elsewhere = await createCandidate({
      name: "Ada Lovelace",
      email: "ada@example.org",
      positionId: otherPositionId,
    });
    expect(elsewhere.status).toBe(302);
  });

  it("refuses a level outside the position's range on the level field, and writes nothing", async () => {
    for (const levelApplied of ["Junior", "Staff"]) {
      const email = `${levelApplied.toLowerCase()}@example.org`;
      const response = await createCandidate({ name: "Out Of Range", email, positionId, levelApplied });
      expect(response.status).toBe(400);
      expect((await response.json()).errors).toEqual({
        levelApplied: `Level applied for: ${levelApplied} is outside Support Lead's range (Mid–Senior)`,
      });
      expect(await ctx.db.selectFrom("candidates").select("id").where("email", "=", email).execute()).toEqual([]);
    }
  });

  it("gives field errors for an unknown position, a bad email and a non-http CV link", async () => {
    const response = await createCandidate({
      name: "X",
      email: "not-an-email",
      positionId: crypto.randomUUID(),
      cvUrl: "javascript:alert(1)",
    });
    const { errors } = await response.json();
    expect(Object.keys(errors).sort()).toEqual(["cvUrl", "email"]);
    const unknown = await createCandidate({ name: "X", email: "x@example.org", positionId: crypto.randomUUID() });
    expect((await unknown.json()).errors).toEqual({ positionId: "Choose one of the positions listed" });
  });

  it("creates one candidate from a double-submitted form", async () => {
    const form = { name: "Grace Hopper", email: "grace@example.org", positionId, idempotencyKey: crypto.randomUUID() };
    const responses = await Promise.all([createCandidate(form), createCandidate(form)]);
    expect(responses.map((r) => r.status)).toEqual([302, 302]);
    const rows = await ctx.db.selectFrom("candidates").select("id").where("email", "=", "grace@example.org").execute();
    expect(rows).toHaveLength(1);
  });

  it("edits and archives a candidate, auditing before and after; archived candidates leave the list", async () => {
    const id = idFrom(await createCandidate({ name: "Alan Turing", email: "alan@example.org", positionId }));
    const edit = await callRoute(
      editCandidate,
      request(`/candidates/${id}/edit`, {
        cookie: recruiter,
        form: {
          name: "Alan M. Turing",
          email: "alan@example.org",
          positionId,
          levelApplied: "Senior",
          source: "Referral",
          cvUrl: "",
        },
      }),
      { candidateId: id },
    );
    expect(edit.status).toBe(302);
    const clash = await callRoute(
      editCandidate,
      request(`/candidates/${id}/edit`, {
        cookie: recruiter,
        form: { name: "Alan", email: "ada@example.org", positionId, levelApplied: "", source: "", cvUrl: "" },
      }),
      { candidateId: id },
    );
    expect((await clash.json()).errors.email).toMatch(/already applied/);

    await callRoute(
      editCandidate,
      request(`/candidates/${id}/edit`, { cookie: recruiter, form: { intent: "archive" } }),
      { candidateId: id },
    );
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("subject_id", "=", id)
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["candidate.create", "candidate.update", "candidate.archive"]);
    expect(audit[1].details).toMatchObject({
      before: { name: "Alan Turing", level_applied: null },
      after: { name: "Alan M. Turing", level_applied: "Senior" },
    });

    const list = await (await callRoute(candidateList, request("/candidates", { cookie: recruiter }))).json();
    expect(list.candidates.map((c: { id: string }) => c.id)).not.toContain(id);
  });
});
