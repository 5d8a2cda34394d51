import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { insertInterview } from "~db/queries/interviews";
import { dialects, seedDemo, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { signedInCookieFor } from "../helpers/users";
import { action as packetAction, loader as packetLoader } from "~/routes/candidates.$candidateId.packet";
import { loader as pdfLoader } from "~/routes/candidates.$candidateId.packet[.]pdf";
import { action as person } from "~/routes/admin.people.$userId";
import { loader as csvLoader } from "~/routes/reports[.]csv";
import { loader as zipLoader } from "~/routes/reports[.]zip";
import { action as scorecardAction } from "~/routes/interviews.$interviewId.scorecard";
import { COMPETENCY_IDS } from "~/scorecards/rubric";
import { emptyScorecard, type ScorecardContent } from "~/scorecards/scorecard.schema";

// Issue 13, items 2–4: holes an attack on the app found, each reproduced here.

const pdfText = async (bytes: Uint8Array) =>
  (await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true })).text;

const complete = (summary = "Walked through a churn-risk account and the measured recovery."): ScorecardContent => ({
  ...emptyScorecard([
    { questionId: "q", question: "A difficult customer?", answer: "Called them the same day.", notes: "" },
  ]),
  ratings: Object.fromEntries(COMPETENCY_IDS.map((id) => [id, "meets"])) as ScorecardContent["ratings"],
  recommendation: "hire",
  summary,
});

// Words only the demo's submitted scorecards on Jordan Rivera contain (their summaries).
async function jordanSummaries(db: ReturnType<typeof useTestDatabase>["db"], candidateId: string): Promise<string[]> {
  const rows = await db
    .selectFrom("scorecards")
    .innerJoin("interviews", "interviews.id", "scorecards.interview_id")
    .select("scorecards.content")
    .where("interviews.candidate_id", "=", candidateId)
    .where("scorecards.status", "=", "submitted")
    .execute();
  return rows.map((r) => (r.content as ScorecardContent).summary.slice(0, 30));
}

describe.each(dialects())("panel integrity on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  const ids: Record<string, string> = {};
  const cookies: Record<string, string> = {};
  let jordan: string;

  const idOf = async (email: string) =>
    (await ctx.db.selectFrom("users").select("id").where("email", "=", email).executeTakeFirstOrThrow()).id;
  const interviewOf = async (email: string, candidateId: string) =>
    (
      await ctx.db
        .selectFrom("interviews")
        .select("id")
        .where("candidate_id", "=", candidateId)
        .where("interviewer_id", "=", ids[email])
        .orderBy("scheduled_at")
        .executeTakeFirstOrThrow()
    ).id;
  const packet = (who: string, candidateId = jordan) =>
    callRoute(packetLoader, request(`/candidates/${candidateId}/packet`, { cookie: cookies[who] }), { candidateId });
  const pdf = (who: string, candidateId = jordan) =>
    callRoute(pdfLoader, request(`/candidates/${candidateId}/packet.pdf`, { cookie: cookies[who] }), { candidateId });
  const write = (who: string, interviewId: string, body: unknown) =>
    callRoute(scorecardAction, request(`/interviews/${interviewId}/scorecard`, { cookie: cookies[who], json: body }), {
      interviewId,
    });

  beforeAll(async () => {
    await seedDemo(ctx.db);
    for (const email of [
      "committee@example.com",
      "recruiter@example.com",
      "admin@example.com",
      "interviewer@example.com",
    ]) {
      ids[email] = await idOf(email);
      cookies[email] = await signedInCookieFor(ctx.db, email);
    }
    jordan = (
      await ctx.db.selectFrom("candidates").select("id").where("name", "=", "Jordan Rivera").executeTakeFirstOrThrow()
    ).id;
  });

  describe("independence through the packet (item 3)", () => {
    it("a committee member on the panel sees the panel's progress but no one's ratings, notes or flags until their own scorecard is in", async () => {
      const summaries = await jordanSummaries(ctx.db, jordan);
      expect(summaries).toHaveLength(3);
      const before = await packet("committee@example.com");
      expect(before.status).toBe(200);
      const body = await before.text();
      for (const summary of summaries) expect(body).not.toContain(summary);
      const { packet: shown } = JSON.parse(body);
      expect(shown.interviews.map((i: { status: string }) => i.status)).toEqual([
        "withheld",
        "withheld",
        "withheld",
        "draft",
      ]);

      const beforePdf = await pdfText(new Uint8Array(await (await pdf("committee@example.com")).arrayBuffer()));
      for (const summary of summaries) expect(beforePdf.replace(/\s+/g, " ")).not.toContain(summary);
      expect(beforePdf).toContain("hidden until");

      // Submitting his own scorecard opens the others' to him.
      const sams = await interviewOf("committee@example.com", jordan);
      const version = (
        await ctx.db
          .selectFrom("scorecards")
          .select("version")
          .where("interview_id", "=", sams)
          .executeTakeFirstOrThrow()
      ).version;
      expect(
        (await write("committee@example.com", sams, { intent: "submit", baseVersion: version, content: complete() }))
          .status,
      ).toBe(200);
      const after = await (await packet("committee@example.com")).text();
      for (const summary of summaries) expect(after).toContain(summary);
      const afterPdf = (
        await pdfText(new Uint8Array(await (await pdf("committee@example.com")).arrayBuffer()))
      ).replace(/\s+/g, " ");
      expect(afterPdf).not.toContain("hidden until");
    });

    it("the same rule holds in the ZIP and CSV exports for a recruiter who is on the panel, until their interview is cancelled", async () => {
      await ctx.db
        .insertInto("user_roles")
        .values({ user_id: ids["recruiter@example.com"], role: "interviewer" })
        .execute();
      const kit = (
        await ctx.db
          .selectFrom("interviews")
          .select("kit_id")
          .where("candidate_id", "=", jordan)
          .executeTakeFirstOrThrow()
      ).kit_id;
      const own = await insertInterview(ctx.db, {
        candidate_id: jordan,
        interviewer_id: ids["recruiter@example.com"],
        scheduled_at: new Date(Date.now() + 86_400_000),
        time_zone: "Europe/London",
        duration_minutes: 45,
        stage: "final",
        focus_competencies: [],
        focus_questions: [],
        kit_id: kit,
      });
      const summaries = await jordanSummaries(ctx.db, jordan);
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "independence-"));
      const zipTexts = async () => {
        const zip = await callRoute(
          zipLoader,
          request(`/reports.zip?candidate=${jordan}`, { cookie: cookies["recruiter@example.com"] }),
        );
        expect(zip.status).toBe(200);
        fs.writeFileSync(path.join(dir, "packets.zip"), Buffer.from(await zip.arrayBuffer()));
        await promisify(execFile)("unzip", ["-o", "-q", path.join(dir, "packets.zip"), "-d", dir]);
        return (await pdfText(new Uint8Array(fs.readFileSync(path.join(dir, "packet-jordan-rivera.pdf"))))).replace(
          /\s+/g,
          " ",
        );
      };
      const jordanCsvRatings = async () => {
        const csv = await (
          await callRoute(csvLoader, request("/reports.csv", { cookie: cookies["recruiter@example.com"] }))
        ).text();
        // Submitted rows of Jordan: the first competency's rating column (8th) per row.
        return csv
          .split("\r\n")
          .filter((line) => line.startsWith("Jordan Rivera,") && line.includes(",Submitted,"))
          .map((line) => line.split(",")[7]);
      };
      const zipBefore = await zipTexts();
      for (const summary of summaries) expect(zipBefore).not.toContain(summary);
      const ratingsBefore = await jordanCsvRatings();
      expect(ratingsBefore.length).toBeGreaterThan(0);
      expect(ratingsBefore.every((r) => r === "")).toBe(true);

      // Marked as not interviewing (cancelled): the rule no longer holds them back.
      await ctx.db
        .updateTable("interviews")
        .set({ cancelled_at: new Date(), cancel_reason: "Not interviewing" })
        .where("id", "=", own)
        .execute();
      const zipAfter = await zipTexts();
      for (const summary of summaries) expect(zipAfter).toContain(summary);
      expect((await jordanCsvRatings()).every((r) => r !== "")).toBe(true);
      fs.rmSync(dir, { recursive: true, force: true });
    });
  });

  describe("placeholder submissions (item 4)", () => {
    it("refuses a submission before the interview starts, with the start time in the message; a draft save still works", async () => {
      const future = await insertInterview(ctx.db, {
        candidate_id: jordan,
        interviewer_id: ids["interviewer@example.com"],
        scheduled_at: new Date("9999-01-01T10:00:00Z"),
        time_zone: "Europe/London",
        duration_minutes: 45,
        stage: "final",
        focus_competencies: [],
        focus_questions: [],
        kit_id: (
          await ctx.db
            .selectFrom("interviews")
            .select("kit_id")
            .where("candidate_id", "=", jordan)
            .executeTakeFirstOrThrow()
        ).kit_id,
      });
      const saved = await write("interviewer@example.com", future, {
        intent: "save",
        baseVersion: 0,
        content: complete(),
      });
      expect(saved.status).toBe(200);
      const { saved: draft } = await saved.json();
      const refused = await write("interviewer@example.com", future, {
        intent: "submit",
        baseVersion: draft.version,
        content: complete(),
      });
      expect(refused.status).toBe(409);
      expect((await refused.json()).errors.form).toMatch(/starts .*9999.*after it has taken place/);
      const row = await ctx.db
        .selectFrom("scorecards")
        .select("status")
        .where("interview_id", "=", future)
        .executeTakeFirstOrThrow();
      expect(row.status).toBe("draft");
    });

    it("refuses a one-character summary and a red flag without a justification, naming the fields", async () => {
      const tomas = (
        await ctx.db.selectFrom("candidates").select("id").where("name", "=", "Tomás Silva").executeTakeFirstOrThrow()
      ).id;
      const interview = await interviewOf("interviewer@example.com", tomas);
      const version = (
        await ctx.db
          .selectFrom("scorecards")
          .select("version")
          .where("interview_id", "=", interview)
          .executeTakeFirstOrThrow()
      ).version;
      const card = {
        ...complete("x"),
        redFlags: [{ category: "overclaiming", severity: 3, justification: "  ", evidence: [], suggestion: "" }],
      };
      const refused = await write("interviewer@example.com", interview, {
        intent: "submit",
        baseVersion: version,
        content: card,
      });
      expect(refused.status).toBe(400);
      const { errors } = await refused.json();
      expect(errors["content.summary"]).toMatch(/at least 40 characters/);
      expect(errors["content.redFlags.0.justification"]).toMatch(/Say why/);
    });
  });

  describe("committee seats follow the role (item 2)", () => {
    it("taking the committee role away ends the seats in the same change, audited; a stale seat row grants nothing", async () => {
      const sam = ids["committee@example.com"];
      expect((await packet("committee@example.com")).status).toBe(200);
      const removed = await callRoute(
        person,
        request(`/admin/people/${sam}`, { cookie: cookies["admin@example.com"], form: { roles: "interviewer" } }),
        { userId: sam },
      );
      expect(removed.status).toBe(302);
      expect(
        await ctx.db.selectFrom("committee_members").select("candidate_id").where("user_id", "=", sam).execute(),
      ).toEqual([]);
      const audit = await ctx.db
        .selectFrom("audit_log")
        .select("details")
        .where("action", "=", "committee.seats-ended")
        .where("subject_id", "=", sam)
        .executeTakeFirstOrThrow();
      expect((audit.details as { candidates: string[] }).candidates).toHaveLength(3);

      // A seat row left behind (restored from a backup, written by hand) does not count without the role.
      await ctx.db.insertInto("committee_members").values({ candidate_id: jordan, user_id: sam }).execute();
      expect((await packet("committee@example.com")).status).toBe(404);
      expect((await pdf("committee@example.com")).status).toBe(404);
      const decision = await callRoute(
        packetAction,
        request(`/candidates/${jordan}/packet`, {
          cookie: cookies["committee@example.com"],
          form: { outcome: "hire", level: "", rationale: "Strong.", reason: "", basedOn: "" },
        }),
        { candidateId: jordan },
      );
      expect(decision.status).toBe(404);
      expect(await ctx.db.selectFrom("decisions").select("id").where("candidate_id", "=", jordan).execute()).toEqual(
        [],
      );
    });
  });
});
