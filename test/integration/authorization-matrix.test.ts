import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { COMPETENCY_IDS } from "~/scorecards/rubric";
import { emptyScorecard } from "~/scorecards/scorecard.schema";
import { DEMO_KIT } from "~/startup/demo-data.server";
import { dialects, seedDemo, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { createTestUser, signedInCookie, signedInCookieFor } from "../helpers/users";
import { insertInterview } from "~db/queries/interviews";

// Every route module in app/routes × every kind of user, with the exact status each must get.
// The directory is read when the test runs: a new route, or a new loader/action in one, without
// an entry below fails the test. Ids are real (demo data) and belong to the interview's own
// interviewer; anyone else asking for them must learn nothing (404), or be refused by role (403).
//
// Bodies are valid only as far as authorization: an authorized caller reaches validation and
// gets its 400 (or the 409 of a stale version) — nothing in this matrix changes data.

const USERS = ["anonymous", "own", "otherBefore", "otherAfter", "recruiter", "committee", "admin"] as const;
type Who = (typeof USERS)[number];
type Statuses = Record<Who, number>;
type Ids = { candidate: string; interview: string; position: string; person: string; kit: string };
type Case = {
  method: "GET" | "POST";
  path(ids: Ids): string;
  params?(ids: Ids): Record<string, string>;
  form?: Record<string, string>;
  json?(ids: Ids): unknown;
};

// Columns: anonymous, own interviewer, other interviewer (before / after submitting their own
// scorecard for the same candidate), recruiter, committee member of the candidate, admin.
const S = (
  anonymous: number,
  own: number,
  otherBefore: number,
  otherAfter: number,
  recruiter: number,
  committee: number,
  admin: number,
): Statuses => ({
  anonymous,
  own,
  otherBefore,
  otherAfter,
  recruiter,
  committee,
  admin,
});
const ANY_SIGNED_IN = S(302, 200, 200, 200, 200, 200, 200);
const ADMIN_PAGE = S(302, 403, 403, 403, 403, 403, 200);
const ADMIN_FORM = S(302, 403, 403, 403, 403, 403, 400);
const SETUP_PAGE = S(302, 403, 403, 403, 200, 403, 200);
const SETUP_FORM = S(302, 403, 403, 403, 400, 403, 400);
// Interview routes: the owner only; other interviewers (and the committee member, who also
// interviews) get 404 for an id that is not theirs; roles without "interviewer" get 403.
const OWN_INTERVIEW = (own: number) => S(302, own, 404, 404, 403, 404, 403);
const PACKET = S(302, 404, 404, 404, 200, 200, 200);
const EVERYONE_404 = S(404, 404, 404, 404, 404, 404, 404);
// SCIM answers to a bearer token only: a browser session, whoever's, is a 401.
const SCIM = S(401, 401, 401, 401, 401, 401, 401);

const card = () =>
  emptyScorecard([
    {
      questionId: "difficult-customer",
      question: "A difficult customer?",
      answer: "I called them the same day.",
      notes: "",
    },
  ]);
const candidatePath =
  (suffix = "") =>
  (ids: Ids) =>
    `/candidates/${ids.candidate}${suffix}`;
const candidateParams = (ids: Ids) => ({ candidateId: ids.candidate });
const interviewParams = (ids: Ids) => ({ interviewId: ids.interview });

const MATRIX: Record<string, (Case & { expect: Statuses })[]> = {
  "_index.tsx": [{ method: "GET", path: () => "/", expect: ANY_SIGNED_IN }],
  "admin.audit.tsx": [{ method: "GET", path: () => "/admin/audit", expect: ADMIN_PAGE }],
  "admin.kits.$kitId.tsx": [
    {
      method: "GET",
      path: (ids) => `/admin/kits/${ids.kit}`,
      params: (ids) => ({ kitId: ids.kit }),
      expect: ADMIN_PAGE,
    },
    {
      method: "POST",
      path: (ids) => `/admin/kits/${ids.kit}`,
      params: (ids) => ({ kitId: ids.kit }),
      form: { intent: "save" },
      expect: ADMIN_FORM,
    },
  ],
  "admin.invitations.tsx": [
    { method: "GET", path: () => "/admin/invitations", expect: ADMIN_PAGE },
    {
      method: "POST",
      path: () => "/admin/invitations",
      form: { intent: "revoke", invitationId: "not-a-uuid" },
      expect: ADMIN_FORM,
    },
  ],
  "admin.sso.tsx": [
    { method: "GET", path: () => "/admin/sso", expect: ADMIN_PAGE },
    { method: "POST", path: () => "/admin/sso", form: { intent: "create-token", label: "" }, expect: ADMIN_FORM },
  ],
  // Single sign-on is not configured here: nothing to start or finish, whoever asks.
  "auth.oidc.ts": [
    { method: "GET", path: () => "/auth/oidc", expect: S(302, 302, 302, 302, 302, 302, 302) },
    { method: "POST", path: () => "/auth/oidc", form: {}, expect: EVERYONE_404 },
  ],
  "auth.oidc_.callback.tsx": [
    { method: "GET", path: () => "/auth/oidc/callback?code=x&state=y", expect: EVERYONE_404 },
  ],
  "admin.kits.$kitId_.edit.tsx": [
    {
      method: "GET",
      path: (ids) => `/admin/kits/${ids.kit}/edit`,
      params: (ids) => ({ kitId: ids.kit }),
      expect: ADMIN_PAGE,
    },
    {
      method: "POST",
      path: (ids) => `/admin/kits/${ids.kit}/edit`,
      params: (ids) => ({ kitId: ids.kit }),
      json: () => ({ title: "" }),
      expect: ADMIN_FORM,
    },
  ],
  "admin.jobs.tsx": [
    { method: "GET", path: () => "/admin/jobs", expect: ADMIN_PAGE },
    { method: "POST", path: () => "/admin/jobs", form: { queue: "no-such-queue", id: "x" }, expect: ADMIN_FORM },
  ],
  "admin.kits._index.tsx": [{ method: "GET", path: () => "/admin/kits", expect: ADMIN_PAGE }],
  "admin.rubric.tsx": [
    { method: "GET", path: () => "/admin/rubric", expect: ADMIN_PAGE },
    { method: "POST", path: () => "/admin/rubric", json: () => ({ baseVersion: 1 }), expect: ADMIN_FORM },
  ],
  "admin.red-flags.tsx": [
    { method: "GET", path: () => "/admin/red-flags", expect: ADMIN_PAGE },
    { method: "POST", path: () => "/admin/red-flags", json: () => ({ baseVersion: 1 }), expect: ADMIN_FORM },
  ],
  "admin.kits.new.tsx": [
    { method: "GET", path: () => "/admin/kits/new", expect: ADMIN_PAGE },
    { method: "POST", path: () => "/admin/kits/new", json: () => ({ title: "" }), expect: ADMIN_FORM },
  ],
  "admin.notifications.tsx": [
    { method: "GET", path: () => "/admin/notifications", expect: ADMIN_PAGE },
    { method: "POST", path: () => "/admin/notifications", form: { dailyHour: "25" }, expect: ADMIN_FORM },
  ],
  "admin.outbox.tsx": [{ method: "GET", path: () => "/admin/outbox", expect: ADMIN_PAGE }],
  "admin.webhooks.tsx": [
    { method: "GET", path: () => "/admin/webhooks", expect: ADMIN_PAGE },
    { method: "POST", path: () => "/admin/webhooks", form: { intent: "create", url: "ftp://x" }, expect: ADMIN_FORM },
  ],
  "admin.people.$userId.tsx": [
    {
      method: "GET",
      path: (ids) => `/admin/people/${ids.person}`,
      params: (ids) => ({ userId: ids.person }),
      expect: ADMIN_PAGE,
    },
    {
      method: "POST",
      path: (ids) => `/admin/people/${ids.person}`,
      params: (ids) => ({ userId: ids.person }),
      form: { roles: "no-such-role" },
      expect: ADMIN_FORM,
    },
  ],
  "admin.people._index.tsx": [
    { method: "GET", path: () => "/admin/people", expect: ADMIN_PAGE },
    { method: "POST", path: () => "/admin/people", form: { email: "not an email" }, expect: ADMIN_FORM },
  ],
  "candidates.$candidateId._index.tsx": [
    { method: "GET", path: candidatePath(), params: candidateParams, expect: S(302, 403, 403, 403, 200, 200, 200) },
  ],
  "candidates.$candidateId.committee.tsx": [
    { method: "GET", path: candidatePath("/committee"), params: candidateParams, expect: SETUP_PAGE },
    {
      method: "POST",
      path: candidatePath("/committee"),
      params: candidateParams,
      form: { memberIds: "not-a-uuid" },
      expect: SETUP_FORM,
    },
  ],
  "candidates.$candidateId.edit.tsx": [
    { method: "GET", path: candidatePath("/edit"), params: candidateParams, expect: SETUP_PAGE },
    { method: "POST", path: candidatePath("/edit"), params: candidateParams, form: { name: "" }, expect: SETUP_FORM },
  ],
  "candidates.$candidateId.interviews.$interviewId.tsx": [
    {
      method: "GET",
      path: (ids) => `/candidates/${ids.candidate}/interviews/${ids.interview}`,
      params: (ids) => ({ candidateId: ids.candidate, interviewId: ids.interview }),
      expect: SETUP_PAGE,
    },
    {
      method: "POST",
      path: (ids) => `/candidates/${ids.candidate}/interviews/${ids.interview}`,
      params: (ids) => ({ candidateId: ids.candidate, interviewId: ids.interview }),
      form: { intent: "cancel", reason: "" },
      expect: SETUP_FORM,
    },
  ],
  "candidates.$candidateId.interviews.new.tsx": [
    { method: "GET", path: candidatePath("/interviews/new"), params: candidateParams, expect: SETUP_PAGE },
    {
      method: "POST",
      path: candidatePath("/interviews/new"),
      params: candidateParams,
      form: { stage: "no-such-stage" },
      expect: SETUP_FORM,
    },
  ],
  "candidates.$candidateId.panel.tsx": [
    { method: "GET", path: candidatePath("/panel"), params: candidateParams, expect: SETUP_PAGE },
    {
      method: "POST",
      path: candidatePath("/panel"),
      params: candidateParams,
      json: () => ({ rows: [] }),
      expect: SETUP_FORM,
    },
  ],
  "candidates.$candidateId.packet.tsx": [
    { method: "GET", path: candidatePath("/packet"), params: candidateParams, expect: PACKET },
    // Recruiters read the packet but do not decide; the committee and admins reach validation.
    {
      method: "POST",
      path: candidatePath("/packet"),
      params: candidateParams,
      form: { outcome: "maybe" },
      expect: S(302, 404, 404, 404, 403, 400, 400),
    },
    // Only the candidate's committee votes in the debrief; the admin decides but has no seat in it.
    {
      method: "POST",
      path: candidatePath("/packet"),
      params: candidateParams,
      form: { intent: "vote", outcome: "maybe" },
      expect: S(302, 404, 404, 404, 403, 400, 403),
    },
  ],
  "candidates.$candidateId.packet[.]pdf.ts": [
    { method: "GET", path: candidatePath("/packet.pdf"), params: candidateParams, expect: PACKET },
  ],
  "candidates._index.tsx": [{ method: "GET", path: () => "/candidates", expect: S(302, 403, 403, 403, 200, 200, 200) }],
  "candidates.import.tsx": [
    { method: "GET", path: () => "/candidates/import", expect: SETUP_PAGE },
    {
      method: "POST",
      path: () => "/candidates/import",
      form: { intent: "preview", positionId: "x", csv: "" },
      expect: SETUP_FORM,
    },
  ],
  "candidates.new.tsx": [
    { method: "GET", path: () => "/candidates/new", expect: SETUP_PAGE },
    { method: "POST", path: () => "/candidates/new", form: { name: "" }, expect: SETUP_FORM },
  ],
  "healthz.ts": [{ method: "GET", path: () => "/healthz", expect: S(200, 200, 200, 200, 200, 200, 200) }],
  "interviews.$interviewId.bias.ts": [
    {
      method: "POST",
      path: (ids) => `/interviews/${ids.interview}/bias`,
      params: interviewParams,
      json: () => ({ text: "Calm and clear." }),
      expect: OWN_INTERVIEW(200),
    },
  ],
  "interviews.$interviewId.draft.ts": [
    {
      method: "POST",
      path: (ids) => `/interviews/${ids.interview}/draft`,
      params: interviewParams,
      json: () => ({ content: card() }),
      expect: OWN_INTERVIEW(200),
    },
  ],
  // The own scorecard is submitted: a "save" from version 0 is the owner's 409, nobody else's.
  "interviews.$interviewId.scorecard.ts": [
    {
      method: "POST",
      path: (ids) => `/interviews/${ids.interview}/scorecard`,
      params: interviewParams,
      json: () => ({ intent: "save", baseVersion: 0, content: card() }),
      expect: OWN_INTERVIEW(409),
    },
  ],
  "interviews.$interviewId.scorecard[.]md.ts": [
    {
      method: "GET",
      path: (ids) => `/interviews/${ids.interview}/scorecard.md`,
      params: interviewParams,
      expect: OWN_INTERVIEW(200),
    },
  ],
  "interviews.$interviewId.reminders.tsx": [
    {
      method: "GET",
      path: (ids) => `/interviews/${ids.interview}/reminders`,
      params: interviewParams,
      expect: OWN_INTERVIEW(200),
    },
    {
      method: "POST",
      path: (ids) => `/interviews/${ids.interview}/reminders`,
      params: interviewParams,
      form: { reason: "" },
      expect: OWN_INTERVIEW(400),
    },
  ],
  "interviews.$interviewId.tsx": [
    {
      method: "GET",
      path: (ids) => `/interviews/${ids.interview}`,
      params: interviewParams,
      expect: OWN_INTERVIEW(200),
    },
  ],
  // A guessed invitation token finds nothing, whoever asks.
  "account._index.tsx": [
    { method: "GET", path: () => "/account", expect: ANY_SIGNED_IN },
    { method: "POST", path: () => "/account", form: { timeZone: "" }, expect: S(302, 400, 400, 400, 400, 400, 400) },
  ],
  "account.password.tsx": [
    { method: "GET", path: () => "/account/password", expect: ANY_SIGNED_IN },
    {
      method: "POST",
      path: () => "/account/password",
      form: { current: "" },
      expect: S(302, 400, 400, 400, 400, 400, 400),
    },
  ],
  "password-reset.$token.tsx": [
    {
      method: "GET",
      path: () => "/password-reset/guessed-token",
      params: () => ({ token: "guessed-token" }),
      expect: EVERYONE_404,
    },
    {
      method: "POST",
      path: () => "/password-reset/guessed-token",
      params: () => ({ token: "guessed-token" }),
      form: { password: "" },
      expect: EVERYONE_404,
    },
  ],
  "invitations.$token.tsx": [
    {
      method: "GET",
      path: () => "/invitations/guessed-token",
      params: () => ({ token: "guessed-token" }),
      expect: EVERYONE_404,
    },
    {
      method: "POST",
      path: () => "/invitations/guessed-token",
      params: () => ({ token: "guessed-token" }),
      form: { name: "x" },
      expect: EVERYONE_404,
    },
  ],
  "login.tsx": [
    { method: "GET", path: () => "/login", expect: S(200, 302, 302, 302, 302, 302, 302) },
    { method: "POST", path: () => "/login", form: { email: "" }, expect: S(400, 400, 400, 400, 400, 400, 400) },
  ],
  "logout.tsx": [
    { method: "GET", path: () => "/logout", expect: S(302, 302, 302, 302, 302, 302, 302) },
    { method: "POST", path: () => "/logout", form: {}, expect: S(302, 302, 302, 302, 302, 302, 302) },
  ],
  "positions.$positionId.tsx": [
    {
      method: "GET",
      path: (ids) => `/positions/${ids.position}`,
      params: (ids) => ({ positionId: ids.position }),
      expect: SETUP_PAGE,
    },
    {
      method: "POST",
      path: (ids) => `/positions/${ids.position}`,
      params: (ids) => ({ positionId: ids.position }),
      form: { title: "" },
      expect: SETUP_FORM,
    },
  ],
  "positions._index.tsx": [{ method: "GET", path: () => "/positions", expect: SETUP_PAGE }],
  "positions.new.tsx": [
    { method: "GET", path: () => "/positions/new", expect: SETUP_PAGE },
    { method: "POST", path: () => "/positions/new", form: { title: "" }, expect: SETUP_FORM },
  ],
  "scim.v2.ResourceTypes.ts": [{ method: "GET", path: () => "/scim/v2/ResourceTypes", expect: SCIM }],
  "scim.v2.Schemas.ts": [{ method: "GET", path: () => "/scim/v2/Schemas", expect: SCIM }],
  "scim.v2.ServiceProviderConfig.ts": [{ method: "GET", path: () => "/scim/v2/ServiceProviderConfig", expect: SCIM }],
  "scim.v2.Users.$userId.ts": [
    {
      method: "GET",
      path: (ids) => `/scim/v2/Users/${ids.person}`,
      params: (ids) => ({ userId: ids.person }),
      expect: SCIM,
    },
    {
      method: "POST",
      path: (ids) => `/scim/v2/Users/${ids.person}`,
      params: (ids) => ({ userId: ids.person }),
      json: () => ({}),
      expect: SCIM,
    },
  ],
  "scim.v2.Users.ts": [
    { method: "GET", path: () => "/scim/v2/Users", expect: SCIM },
    { method: "POST", path: () => "/scim/v2/Users", json: () => ({}), expect: SCIM },
  ],
  "reports.tsx": [{ method: "GET", path: () => "/reports", expect: SETUP_PAGE }],
  "reports[.]csv.ts": [{ method: "GET", path: () => "/reports.csv", expect: SETUP_PAGE }],
  "reports[.]pdf.ts": [{ method: "GET", path: () => "/reports.pdf", expect: SETUP_PAGE }],
  "reports[.]zip.ts": [{ method: "GET", path: (ids) => `/reports.zip?candidate=${ids.candidate}`, expect: SETUP_PAGE }],
};

const routesDir = path.resolve(import.meta.dirname, "../../app/routes");
const routeFiles = () =>
  fs
    .readdirSync(routesDir)
    .filter((f) => /\.tsx?$/.test(f))
    .sort();
type RouteModule = { loader?: Parameters<typeof callRoute>[0]; action?: Parameters<typeof callRoute>[0] };
const load = (file: string) => import(path.join(routesDir, file)) as Promise<RouteModule>;

describe("every route file has an entry for each of its handlers", () => {
  it("lists every loader (GET) and action (POST) in app/routes", async () => {
    const missing: string[] = [];
    for (const file of routeFiles()) {
      const mod = await load(file);
      const cases = MATRIX[file] ?? [];
      if (mod.loader && !cases.some((c) => c.method === "GET")) missing.push(`${file}: loader (GET)`);
      if (mod.action && !cases.some((c) => c.method === "POST")) missing.push(`${file}: action (POST)`);
    }
    const stale = Object.keys(MATRIX).filter((file) => !routeFiles().includes(file));
    expect(missing, "add these to MATRIX in test/integration/authorization-matrix.test.ts").toEqual([]);
    expect(stale, "these MATRIX entries name route files that no longer exist").toEqual([]);
  });
});

describe.each(dialects())("authorization matrix on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  const userIds = {} as Record<Exclude<Who, "anonymous">, string>;
  let ids: Ids;
  let otherInterview: string;

  beforeAll(async () => {
    await seedDemo(ctx.db);
    const idOf = async (email: string) =>
      (await ctx.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
    userIds.own = await idOf("interviewer@example.com");
    userIds.recruiter = await idOf("recruiter@example.com");
    userIds.committee = await idOf("committee@example.com");
    userIds.admin = await idOf("admin@example.com");
    const jordan = await ctx.db
      .selectFrom("candidates")
      .select(["id", "position_id"])
      .where("name", "=", "Jordan Rivera")
      .executeTakeFirstOrThrow();
    const own = await ctx.db
      .selectFrom("interviews")
      .select(["id", "kit_id"])
      .where("candidate_id", "=", jordan.id)
      .where("interviewer_id", "=", userIds.own)
      .executeTakeFirstOrThrow();
    // Another interviewer on the same candidate, with no scorecard yet.
    const other = await createTestUser(ctx.db, { roles: ["interviewer"], name: "Olu Adeyemi" });
    userIds.otherBefore = other.id;
    userIds.otherAfter = other.id;
    otherInterview = await insertInterview(ctx.db, {
      candidate_id: jordan.id,
      interviewer_id: other.id,
      scheduled_at: new Date(Date.now() - 3_600_000),
      time_zone: "Europe/London",
      duration_minutes: 45,
      stage: "onsite",
      focus_competencies: [],
      focus_questions: [],
      kit_id: own.kit_id,
    });
    ids = { candidate: jordan.id, interview: own.id, position: jordan.position_id, person: userIds.own, kit: DEMO_KIT };
  });

  // A fresh session per request, so signing out in one case cannot affect another.
  async function statusOf(c: Case, who: Who): Promise<number> {
    const cookie = who === "anonymous" ? undefined : await signedInCookie(userIds[who]);
    const req = request(c.path(ids), {
      method: c.method,
      cookie,
      form: c.method === "POST" && !c.json ? (c.form ?? {}) : undefined,
      json: c.json?.(ids),
    });
    const file = Object.keys(MATRIX).find((f) => MATRIX[f].includes(c as Case & { expect: Statuses }))!;
    const mod = await load(file);
    const response = await callRoute((c.method === "GET" ? mod.loader : mod.action)!, req, c.params?.(ids) ?? {});
    await response.arrayBuffer(); // let streamed bodies (PDF, ZIP, CSV) finish
    return response.status;
  }

  async function mismatches(users: readonly Who[]): Promise<string[]> {
    const wrong: string[] = [];
    for (const [file, cases] of Object.entries(MATRIX)) {
      for (const c of cases) {
        for (const who of users) {
          const status = await statusOf(c, who);
          if (status !== c.expect[who])
            wrong.push(`${c.method} ${file} as ${who}: ${status}, expected ${c.expect[who]}`);
        }
      }
    }
    return wrong;
  }

  it("gives each user the exact status on every route (the other interviewer not yet submitted)", async () => {
    expect(await mismatches(USERS.filter((u) => u !== "otherAfter"))).toEqual([]);
  }, 120_000);

  it("gives the other interviewer the same answers after submitting, and only then shows them the panel's feedback", async () => {
    const otherCookie = await signedInCookie(userIds.otherBefore);
    const { loader: pageLoader } = await import("~/routes/interviews.$interviewId");
    const { action: scorecardAction } = await import("~/routes/interviews.$interviewId.scorecard");
    const open = async () =>
      (await (
        await callRoute(pageLoader!, request(`/interviews/${otherInterview}`, { cookie: otherCookie }), {
          interviewId: otherInterview,
        })
      ).json()) as {
        others: { content: { summary: string } }[];
      };
    expect((await open()).others).toEqual([]);
    const content = {
      ...card(),
      ratings: Object.fromEntries(COMPETENCY_IDS.map((id) => [id, "meets"])),
      recommendation: "hire",
      summary: "Structured and calm; owned the escalation end to end.",
    };
    const submitted = await callRoute(
      scorecardAction,
      request(`/interviews/${otherInterview}/scorecard`, {
        cookie: otherCookie,
        json: { intent: "submit", baseVersion: 0, content },
      }),
      { interviewId: otherInterview },
    );
    expect(submitted.status).toBe(200);
    // Independence: the panel's submitted feedback appears only now, in their own page…
    expect((await open()).others.length).toBeGreaterThan(0);
    // …while the other interviewer's own routes and pages stay closed to them.
    expect(await mismatches(["otherAfter"])).toEqual([]);
  }, 120_000);

  it("answers 404, not 403, for well-formed ids that do not exist", async () => {
    const ghost = "00000000-0000-4000-8000-000000000000";
    const { loader: interviewLoader } = await import("~/routes/interviews.$interviewId");
    const { loader: packetLoader } = await import("~/routes/candidates.$candidateId.packet");
    const own = await signedInCookieFor(ctx.db, "interviewer@example.com");
    const committee = await signedInCookieFor(ctx.db, "committee@example.com");
    expect(
      (await callRoute(interviewLoader!, request(`/interviews/${ghost}`, { cookie: own }), { interviewId: ghost }))
        .status,
    ).toBe(404);
    expect(
      (
        await callRoute(interviewLoader!, request("/interviews/1%20or%201=1", { cookie: own }), {
          interviewId: "1 or 1=1",
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await callRoute(packetLoader!, request(`/candidates/${ghost}/packet`, { cookie: committee }), {
          candidateId: ghost,
        })
      ).status,
    ).toBe(404);
  });
});
