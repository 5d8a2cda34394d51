import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "~/startup/demo-data.server";
import { lostWrites, prepareWriters, report, runAutosaveLoad } from "../../bench/load-autosave";
import { hasPostgres, openPostgresCluster, signInOver, type PostgresCluster } from "./helpers/postgres";
import type { RunningServer } from "./helpers/server";
import { emptyScorecard } from "~/scorecards/scorecard.schema";

// How a team outgrows one machine: two built servers on different ports, one PostgreSQL
// database, one SESSION_SECRET. Nothing may live in one process's memory.
describe.skipIf(!hasPostgres)("two app instances on one PostgreSQL database", () => {
  let cluster: PostgresCluster;
  let a: RunningServer;
  let b: RunningServer;

  beforeAll(async () => {
    cluster = await openPostgresCluster();
    a = await cluster.start();
    b = await cluster.start();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  const db = () => cluster.database.db;
  const interviewOf = async (interviewer: string, candidate: string) =>
    await db()
      .selectFrom("interviews")
      .innerJoin("users", "users.id", "interviews.interviewer_id")
      .innerJoin("candidates", "candidates.id", "interviews.candidate_id")
      .select(["interviews.id", "interviews.candidate_id"])
      .where("users.email", "=", interviewer)
      .where("candidates.name", "=", candidate)
      .orderBy("interviews.scheduled_at")
      .executeTakeFirstOrThrow();
  const save = (server: RunningServer, cookie: string, interviewId: string, body: unknown) =>
    fetch(`${server.url}/interviews/${interviewId}/scorecard`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: server.url, "Content-Type": "application/json" },
      body: JSON.stringify(body),
    });

  it("keeps a user signed in on both, and signed out on both", async () => {
    const cookie = await signInOver(a.url, "interviewer@example.com", DEMO_PASSWORD);
    for (const server of [a, b]) {
      const home = await fetch(`${server.url}/`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect(home.status, server.url).toBe(200);
      expect(await home.text()).toMatch(/Hello, (<!-- -->)?Priya/);
    }
    const out = await fetch(`${b.url}/logout`, {
      method: "POST",
      headers: { Cookie: cookie, Origin: b.url },
      redirect: "manual",
    });
    expect(out.status).toBe(302);
    const after = await fetch(`${a.url}/`, { headers: { Cookie: cookie }, redirect: "manual" });
    expect(after.status).toBe(302);
    expect(after.headers.get("location")).toBe("/login");
  });

  it("detects the conflict between two tabs whose autosaves reach different instances", async () => {
    const cookie = await signInOver(a.url, "interviewer@example.com", DEMO_PASSWORD);
    const { id } = await interviewOf("interviewer@example.com", "Tomás Silva");
    const base =
      (await db().selectFrom("scorecards").select("version").where("interview_id", "=", id).executeTakeFirst())
        ?.version ?? 0;
    const content = (notes: string) => ({ ...emptyScorecard(), notes });
    const tabA = await save(a, cookie, id, {
      intent: "save",
      baseVersion: base,
      content: content("tab on instance A"),
    });
    expect(tabA.status).toBe(200);
    const tabB = await save(b, cookie, id, {
      intent: "save",
      baseVersion: base,
      content: content("tab on instance B"),
    });
    expect(tabB.status).toBe(409);
    const conflict = (await tabB.json()) as { current: { version: number; content: { notes: string } } };
    expect(conflict.current.content.notes).toBe("tab on instance A");
    // Tab B, having seen A's text, saves on top of it through its own instance.
    const resolved = await save(b, cookie, id, {
      intent: "save",
      baseVersion: conflict.current.version,
      content: content("merged on B"),
    });
    expect(resolved.status).toBe(200);
  });

  it("keeps a committee decision and a scorecard amend made at the same moment, both in order", async () => {
    const interviewer = await signInOver(a.url, "interviewer@example.com", DEMO_PASSWORD);
    const committee = await signInOver(b.url, "committee@example.com", DEMO_PASSWORD);
    const { id: interviewId, candidate_id: candidateId } = await interviewOf(
      "interviewer@example.com",
      "Jordan Rivera",
    );
    const rounds = 4;
    for (let round = 1; round <= rounds; round++) {
      const card = await db()
        .selectFrom("scorecards")
        .select(["version", "content", "status"])
        .where("interview_id", "=", interviewId)
        .executeTakeFirstOrThrow();
      expect(card.status).toBe("submitted");
      const basedOn =
        (
          await db()
            .selectFrom("decisions")
            .select("id")
            .where("candidate_id", "=", candidateId)
            .orderBy("recorded_at", "desc")
            .orderBy("id", "desc")
            .executeTakeFirst()
        )?.id ?? "";
      const [amend, decision] = await Promise.all([
        save(a, interviewer, interviewId, {
          intent: "amend",
          baseVersion: card.version,
          reason: `amend round ${round}`,
          content: {
            ...(card.content as object),
            summary: `Summary as amended in round ${round}, after the panel debrief.`,
          },
        }),
        fetch(`${b.url}/candidates/${candidateId}/packet`, {
          method: "POST",
          headers: { Cookie: committee, Origin: b.url, "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            outcome: round % 2 ? "hire" : "more-interviews",
            level: round % 2 ? "Mid" : "",
            rationale: `decision round ${round}`,
            reason: basedOn ? `revised in round ${round}` : "",
            earlyReason: "Decided while scorecards are still out.",
            basedOn,
          }),
          redirect: "manual",
        }),
      ]);
      expect(amend.status, await amend.clone().text()).toBe(200);
      expect(decision.status, await decision.clone().text()).toBe(302);
    }

    const revisions = await db()
      .selectFrom("scorecard_revisions")
      .innerJoin("scorecards", "scorecards.id", "scorecard_revisions.scorecard_id")
      .select(["scorecard_revisions.revision", "scorecard_revisions.reason"])
      .where("scorecards.interview_id", "=", interviewId)
      .orderBy("scorecard_revisions.revision")
      .execute();
    const amendReasons = revisions.map((r) => r.reason).filter((r) => r?.startsWith("amend round"));
    expect(amendReasons).toEqual(Array.from({ length: rounds }, (_, i) => `amend round ${i + 1}`));
    const decisions = await db()
      .selectFrom("decisions")
      .select("rationale")
      .where("candidate_id", "=", candidateId)
      .orderBy("recorded_at")
      .orderBy("id")
      .execute();
    expect(decisions.map((d) => d.rationale).filter((r) => r.startsWith("decision round"))).toEqual(
      Array.from({ length: rounds }, (_, i) => `decision round ${i + 1}`),
    );
    // The audit log holds both kinds, each in the order it happened.
    const audit = await db()
      .selectFrom("audit_log")
      .select(["action", "details"])
      .where("action", "in", ["scorecard.amend", "decision.record", "decision.revise"])
      .orderBy("id")
      .execute();
    expect(
      audit.filter((r) => r.action === "scorecard.amend").map((r) => (r.details as { reason: string }).reason),
    ).toEqual(amendReasons);
    expect(audit.filter((r) => r.action.startsWith("decision.")).length).toBe(rounds);
  });

  it("shows a rubric saved on one instance on the other at once", async () => {
    const admin = await signInOver(a.url, "admin@example.com", DEMO_PASSWORD);
    const interviewer = await signInOver(b.url, "interviewer@example.com", DEMO_PASSWORD);
    const { id } = await interviewOf("interviewer@example.com", "Tomás Silva");
    const rubricOn = async (server: RunningServer) => {
      const data = await fetch(`${server.url}/interviews/${id}?_data=routes%2Finterviews.%24interviewId`, {
        headers: { Cookie: interviewer },
      });
      expect(data.status).toBe(200);
      return ((await data.json()) as { rubric: { competencies: Record<string, { levels: Record<string, string> }> } })
        .rubric;
    };
    // Instance b has read the rubric before the save, so a copy kept in its memory would be stale.
    const anchor = "Owns the work end to end, saved on instance a.";
    expect((await rubricOn(b)).competencies.ownership.levels.meets).not.toBe(anchor);

    const page = await fetch(`${a.url}/admin/rubric?_data=routes%2Fadmin.rubric`, { headers: { Cookie: admin } });
    const { form } = (await page.json()) as {
      form: { competencies: Record<string, { levels: Record<string, string> }> };
    };
    form.competencies.ownership.levels.meets = anchor;
    const saved = await fetch(`${a.url}/admin/rubric`, {
      method: "POST",
      headers: { Cookie: admin, Origin: a.url, "Content-Type": "application/json" },
      body: JSON.stringify(form),
      redirect: "manual",
    });
    expect(saved.status).toBe(302);
    expect((await rubricOn(b)).competencies.ownership.levels.meets).toBe(anchor);
  });

  it("loses no autosave when 50 interviewers are split across both instances", async () => {
    const seconds = Number(process.env.LOAD_SECONDS ?? 10);
    const writers = await prepareWriters(cluster.database.url!, 50, cluster.secret);
    const result = await runAutosaveLoad({ urls: [a.url, b.url], writers, seconds });
    const lost = await lostWrites(cluster.database.url!, result.outcomes);
    console.log(report("Autosave load split across two instances", result, lost, seconds));
    expect(result.serverErrors).toBe(0);
    expect(result.otherStatuses).toEqual({});
    expect(result.saves).toBeGreaterThan(50);
    expect(lost).toEqual([]);
  });
});
