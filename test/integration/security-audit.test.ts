import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import * as auditRoute from "~/routes/admin.audit";
import { action as loginAction } from "~/routes/login";
import { action as scorecardAction } from "~/routes/interviews.$interviewId.scorecard";
import { action as packetAction } from "~/routes/candidates.$candidateId.packet";
import { loader as packetPdfLoader } from "~/routes/candidates.$candidateId.packet[.]pdf";
import { loader as reportCsvLoader } from "~/routes/reports[.]csv";
import { AUDIT_PAGE_SIZE } from "~/audit/audit.server";
import { COMPETENCY_IDS } from "~/scorecards/rubric";
import { DEMO_PASSWORD } from "~/startup/demo-data.server";
import { appendAudit } from "~db/queries/audit";
import { dialects, seedDemo, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { signedInCookieFor } from "../helpers/users";
import { emptyScorecard } from "~/scorecards/scorecard.schema";
import { loader as packetLoader } from "~/routes/candidates.$candidateId.packet";
import { loader as markdownLoader } from "~/routes/interviews.$interviewId.scorecard[.]md";
import { action as logoutAction } from "~/routes/logout";
import { withClient } from "~/request-client.server";

type AuditPage = {
  entries: { id: number; action: string; actor_email: string | null; at: string }[];
  olderThan: number | null;
  errors: Record<string, string> | null;
};

describe.each(dialects())("the audit log on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let admin: string;
  let priya: string;
  let sam: string;

  beforeAll(async () => {
    await seedDemo(ctx.db);
    admin = await signedInCookieFor(ctx.db, "admin@example.com");
    priya = await signedInCookieFor(ctx.db, "interviewer@example.com");
    sam = await signedInCookieFor(ctx.db, "committee@example.com");
  });

  const read = async (query = "", cookie = admin) =>
    callRoute(auditRoute.loader, request(`/admin/audit${query}`, { cookie }));
  const page = async (query = "") => (await (await read(query)).json()) as AuditPage;
  const idOf = async (table: "candidates", name: string) =>
    (await ctx.db.selectFrom(table).select("id").where("name", "=", name).executeTakeFirstOrThrow()).id;

  it("refuses to change or delete an entry, at the database itself", async () => {
    await appendAudit(ctx.db, { actorId: null, action: "test.entry" });
    await expect(sql`update audit_log set action = 'rewritten'`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
    expect(
      (await ctx.db.selectFrom("audit_log").select("action").where("action", "=", "test.entry").execute()).length,
    ).toBe(1);
    // And the page offers no way to: it is a loader only.
    expect(Object.keys(auditRoute)).not.toContain("action");
  });

  it("records sign-ins, failed ones, scorecard submits and amends, decisions, packet downloads and exports", async () => {
    const signIn = (password: string) =>
      callRoute(
        loginAction,
        request("/login", { form: { email: "interviewer@example.com", password, redirectTo: "/" } }),
      );
    expect((await signIn(DEMO_PASSWORD)).status).toBe(302);
    expect((await signIn("wrong-password")).status).toBe(401);

    const interview = await ctx.db
      .selectFrom("interviews")
      .innerJoin("users", "users.id", "interviews.interviewer_id")
      .innerJoin("candidates", "candidates.id", "interviews.candidate_id")
      .select(["interviews.id", "interviews.candidate_id"])
      .where("users.email", "=", "interviewer@example.com")
      .where("candidates.name", "=", "Tomás Silva")
      .executeTakeFirstOrThrow();
    const content = {
      ...emptyScorecard(),
      notes: "Clear account of the escalation.",
      ratings: Object.fromEntries(COMPETENCY_IDS.map((id) => [id, "meets"])),
      recommendation: "hire",
      level: "Mid",
      summary: "Solid, structured answers with measured outcomes.",
    };
    const write = (body: unknown) =>
      callRoute(scorecardAction, request(`/interviews/${interview.id}/scorecard`, { cookie: priya, json: body }), {
        interviewId: interview.id,
      });
    const version =
      (
        await ctx.db
          .selectFrom("scorecards")
          .select("version")
          .where("interview_id", "=", interview.id)
          .executeTakeFirst()
      )?.version ?? 0;
    const submitted = await write({ intent: "submit", baseVersion: version, content });
    expect(submitted.status).toBe(200);
    const { saved } = (await submitted.json()) as { saved: { version: number } };
    expect(
      (
        await write({
          intent: "amend",
          baseVersion: saved.version,
          content: { ...content, summary: "Amended: solid answers, one gap in the metrics story." },
          reason: "Typo in the summary.",
        })
      ).status,
    ).toBe(200);

    const jordan = await idOf("candidates", "Jordan Rivera");
    const decided = await callRoute(
      packetAction,
      request(`/candidates/${jordan}/packet`, {
        cookie: sam,
        form: {
          outcome: "hire",
          level: "Mid",
          rationale: "Strong panel.",
          reason: "",
          earlyReason: "Enough evidence from four interviews.",
          basedOn: "",
        },
      }),
      { candidateId: jordan },
    );
    expect(decided.status).toBe(302);
    const pdf = await callRoute(packetPdfLoader, request(`/candidates/${jordan}/packet.pdf`, { cookie: sam }), {
      candidateId: jordan,
    });
    expect(pdf.status).toBe(200);
    await pdf.arrayBuffer();
    const recruiter = await signedInCookieFor(ctx.db, "recruiter@example.com");
    const csv = await callRoute(reportCsvLoader, request("/reports.csv", { cookie: recruiter }));
    expect(csv.status).toBe(200);
    await csv.text();

    const actions = (await ctx.db.selectFrom("audit_log").select("action").execute()).map((r) => r.action);
    for (const expected of [
      "sign-in",
      "sign-in.failed",
      "scorecard.submit",
      "scorecard.amend",
      "decision.record",
      "packet.download",
      "report.export",
    ]) {
      expect(actions, expected).toContain(expected);
    }
  });

  it("records sign-out, packet page views and Markdown exports, each with the client's address and browser", async () => {
    const client = { address: "198.51.100.23", userAgent: "Mozilla/5.0 (audit test)" };
    const jordan = await idOf("candidates", "Jordan Rivera");
    const view = await withClient(client, () =>
      callRoute(packetLoader, request(`/candidates/${jordan}/packet`, { cookie: sam }), { candidateId: jordan }),
    );
    expect(view.status).toBe(200);
    const submitted = await ctx.db
      .selectFrom("scorecards")
      .innerJoin("users", "users.id", "scorecards.author_id")
      .select(["scorecards.id", "scorecards.interview_id"])
      .where("users.email", "=", "interviewer@example.com")
      .where("scorecards.status", "=", "submitted")
      .executeTakeFirstOrThrow();
    const md = await withClient(client, () =>
      callRoute(markdownLoader, request(`/interviews/${submitted.interview_id}/scorecard.md`, { cookie: priya }), {
        interviewId: submitted.interview_id,
      }),
    );
    expect(md.status).toBe(200);
    const leaving = await signedInCookieFor(ctx.db, "recruiter@example.com");
    expect(
      (await withClient(client, () => callRoute(logoutAction, request("/logout", { method: "POST", cookie: leaving }))))
        .status,
    ).toBe(302);

    const rows = await ctx.db
      .selectFrom("audit_log")
      .select(["action", "subject_id", "client_address", "user_agent"])
      .where("action", "in", ["packet.view", "scorecard.export-markdown", "sign-out"])
      .where("client_address", "=", client.address)
      .execute();
    expect(rows.map((r) => r.action).sort()).toEqual(["packet.view", "scorecard.export-markdown", "sign-out"]);
    expect(rows.find((r) => r.action === "packet.view")?.subject_id).toBe(jordan);
    expect(rows.find((r) => r.action === "scorecard.export-markdown")?.subject_id).toBe(submitted.id);
    for (const row of rows) expect(row.user_agent).toBe(client.userAgent);
  });

  it("shows admins the log newest first and filters it by who, what and when", async () => {
    const all = await page();
    expect(all.errors).toBeNull();
    expect(all.entries.length).toBeGreaterThan(3);
    const ids = all.entries.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((x, y) => y - x));

    const priyaId = (
      await ctx.db
        .selectFrom("users")
        .select("id")
        .where("email", "=", "interviewer@example.com")
        .executeTakeFirstOrThrow()
    ).id;
    const hers = await page(`?actor=${priyaId}`);
    expect(hers.entries.length).toBeGreaterThan(0);
    expect(new Set(hers.entries.map((e) => e.actor_email))).toEqual(new Set(["interviewer@example.com"]));

    const amends = await page("?action=scorecard.amend");
    expect(amends.entries.map((e) => e.action)).toEqual(["scorecard.amend"]);

    const today = new Date().toISOString().slice(0, 10);
    expect((await page(`?from=${today}&to=${today}`)).entries.length).toBe(all.entries.length);
    expect((await page("?from=2001-01-01&to=2001-01-31")).entries).toEqual([]);
  });

  it("pages through a long log without gaps or repeats", async () => {
    for (let i = 0; i < AUDIT_PAGE_SIZE + 5; i++)
      await appendAudit(ctx.db, { actorId: null, action: "test.bulk", details: { i } });
    const first = await page("?action=test.bulk");
    expect(first.entries.length).toBe(AUDIT_PAGE_SIZE);
    expect(first.olderThan).not.toBeNull();
    const second = await page(`?action=test.bulk&before=${first.olderThan}`);
    expect(second.entries.length).toBe(5);
    expect(second.olderThan).toBeNull();
    const seen = [...first.entries, ...second.entries].map((e) => e.id);
    expect(new Set(seen).size).toBe(AUDIT_PAGE_SIZE + 5);
  });

  it("names the field of a bad filter, and is for admins only", async () => {
    const bad = await read("?from=yesterday&to=2026-01-01&actor=not-a-uuid");
    expect(bad.status).toBe(400);
    const { errors } = (await bad.json()) as AuditPage;
    expect(errors).toMatchObject({ from: "Use a date such as 2026-01-31", actor: "Choose a person from the list" });
    expect((await read("?from=2026-02-01&to=2026-01-01")).status).toBe(400);
    expect((await read("", priya)).status).toBe(403);
    expect((await read("", sam)).status).toBe(403);
    const anonymous = await callRoute(auditRoute.loader, request("/admin/audit"));
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("Location")).toMatch(/^\/login/);
  });
});
