import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, seedDemo, useTestDatabase } from "../../helpers/db";
import { startSmtp, type TestSmtp } from "../../helpers/smtp";
import { parseEnv, useSettings } from "~/env.server";
import { startBackgroundJobs, type BackgroundJobs } from "~/jobs/workers.server";
import { interviewChanged } from "~/notifications/events.server";
import { recordDecision } from "~/packets/decision.server";
import { COMPETENCY_IDS } from "~/scorecards/rubric";
import { openScorecard, writeScorecard } from "~/scorecards/scorecard.server";
import type { ScorecardContent } from "~/scorecards/scorecard.schema";
import { changeWebhooks } from "~/webhooks/admin.server";
import { findSessionUserByEmail } from "./session-user";

const PUBLIC_URL = "https://panel.example.test";

// A webhook receiver that checks every signature, and answers 500 to the first two deliveries.
async function startReceiver() {
  const received: { event: string; body: { data: { scorecard: { url: string } } }; signatureOk: boolean }[] = [];
  let secret = "";
  let attempts = 0;
  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      attempts++;
      const header = String(req.headers["panel-signature"] ?? "");
      const [, t, v1] = header.match(/^t=(\d+),v1=([0-9a-f]{64})$/) ?? [];
      const expected = crypto.createHmac("sha256", secret).update(`${t}.${raw}`).digest("hex");
      const signatureOk = Boolean(v1) && crypto.timingSafeEqual(Buffer.from(v1), Buffer.from(expected));
      if (attempts <= 2) return res.writeHead(500).end("not yet");
      received.push({ event: String(req.headers["panel-event"]), body: JSON.parse(raw), signatureOk });
      res.writeHead(signatureOk ? 204 : 401).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    attempts: () => attempts,
    setSecret: (s: string) => (secret = s),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const until = async (check: () => Promise<boolean> | boolean, what: string, ms = 30_000) => {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
};

describe.each(dialects())("events on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let smtp: TestSmtp;
  let jobs: BackgroundJobs;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let candidateId: string;
  let lastInterviewId: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    receiver = await startReceiver();
    useSettings(parseEnv({ ...process.env, SMTP_URL: smtp.url, PUBLIC_URL, NOTIFICATIONS_TICK_SECONDS: "3600" }));
    await seedDemo(ctx.db);
    const candidate = await ctx.db
      .selectFrom("candidates")
      .select("id")
      .where("name", "=", "Jordan Rivera")
      .executeTakeFirstOrThrow();
    candidateId = candidate.id;
    // Leave one interview owing feedback: the committee member's draft.
    const owed = await ctx.db
      .selectFrom("interviews")
      .leftJoin("scorecards", "scorecards.interview_id", "interviews.id")
      .innerJoin("users", "users.id", "interviews.interviewer_id")
      .select(["interviews.id", "users.email"])
      .where("interviews.candidate_id", "=", candidateId)
      .where((eb) => eb.or([eb("scorecards.status", "is", null), eb("scorecards.status", "!=", "submitted")]))
      .execute();
    lastInterviewId = owed.find((o) => o.email === "committee@example.com")!.id;
    const others = owed.filter((o) => o.id !== lastInterviewId).map((o) => o.id);
    if (others.length)
      await ctx.db
        .updateTable("interviews")
        .set({ cancelled_at: new Date(), cancel_reason: "test" })
        .where("id", "in", others)
        .execute();
    jobs = await startBackgroundJobs(
      ctx.database,
      { DATABASE_URL: ctx.database.url ?? undefined, NOTIFICATIONS_TICK_SECONDS: 3600 },
      { url: ctx.database.url, pollingSeconds: 0.5, retryDelaySeconds: 1 },
    );
    const admin = await findSessionUserByEmail(ctx.db, "admin@example.com");
    await changeWebhooks(admin, {
      intent: "create",
      url: receiver.url,
      format: "panel",
      events: ["scorecard.submitted", "packet.ready", "decision.recorded"],
      includeFeedback: false,
    });
    receiver.setSecret(
      (await ctx.db.selectFrom("webhook_endpoints").select("secret").executeTakeFirstOrThrow()).secret,
    );
  });
  afterAll(async () => {
    await jobs?.stop();
    await smtp?.close();
    await receiver?.close();
    useSettings(parseEnv());
  });

  it("tells the committee the packet is ready when the last scorecard is submitted, with the link and never the feedback", async () => {
    const sam = await findSessionUserByEmail(ctx.db, "committee@example.com");
    const page = await openScorecard(sam, lastInterviewId);
    const content: ScorecardContent = {
      ...page.scorecard.content,
      ratings: Object.fromEntries(COMPETENCY_IDS.map((id) => [id, "meets"])) as ScorecardContent["ratings"],
      recommendation: "hire",
      level: "Mid",
      summary: "A distinctive sentence that must never leave Panel by mail.",
    };
    await writeScorecard(sam, lastInterviewId, {
      intent: "submit",
      baseVersion: page.scorecard.version,
      content,
    } as never);
    const mail = await smtp.waitForMail("committee@example.com", /^Packet ready: Jordan Rivera$/);
    expect(mail.text).toContain(`${PUBLIC_URL}/candidates/${candidateId}/packet`);
    expect(mail.text).not.toContain("distinctive sentence");
    expect(mail.html).not.toContain("distinctive sentence");
  });

  it("delivers signed webhooks, retrying with backoff after two failures, without feedback text", async () => {
    await until(() => receiver.received.length >= 2, "two webhook deliveries");
    expect(receiver.attempts()).toBeGreaterThanOrEqual(4);
    expect(receiver.received.every((r) => r.signatureOk)).toBe(true);
    expect(receiver.received.map((r) => r.event).sort()).toEqual(["packet.ready", "scorecard.submitted"]);
    const submitted = receiver.received.find((r) => r.event === "scorecard.submitted")!.body;
    expect(submitted.data.scorecard.url).toBe(`${PUBLIC_URL}/interviews/${lastInterviewId}`);
    expect(JSON.stringify(submitted)).not.toContain("distinctive sentence");
    const log = await ctx.db.selectFrom("webhook_deliveries").select(["status", "attempts"]).execute();
    expect(log.every((d) => d.status === "delivered")).toBe(true);
    expect(log.reduce((n, d) => n + d.attempts, 0)).toBe(receiver.attempts());
  });

  it("tells the recruiter when a decision is recorded and when it is revised", async () => {
    const sam = await findSessionUserByEmail(ctx.db, "committee@example.com");
    const first = await recordDecision(sam, candidateId, {
      outcome: "hire",
      level: "Mid",
      rationale: "Strong loop.",
      reason: "",
      earlyReason: "The loop is complete enough.",
      basedOn: "",
    });
    await smtp.waitForMail("recruiter@example.com", /^Decision recorded: Jordan Rivera$/);
    await recordDecision(sam, candidateId, {
      outcome: "more-interviews",
      level: "",
      rationale: "One more.",
      reason: "New information",
      earlyReason: "The loop is complete enough.",
      basedOn: first.decisionId,
    });
    const revised = await smtp.waitForMail("recruiter@example.com", /^Decision revised: Jordan Rivera$/);
    expect(revised.text).toContain("more interviews");
    await until(() => receiver.received.some((r) => r.event === "decision.recorded"), "decision webhook");
  });

  it("sends the interviewer an .ics that keeps its UID and raises SEQUENCE when the interview moves, and cancels it", async () => {
    const interview = await ctx.db
      .selectFrom("interviews")
      .innerJoin("users", "users.id", "interviews.interviewer_id")
      .select(["interviews.id", "users.email"])
      .where("interviews.cancelled_at", "is", null)
      .where("interviews.scheduled_at", ">", new Date())
      .executeTakeFirstOrThrow();
    await interviewChanged(ctx.db, interview.id, "scheduled");
    await ctx.db
      .updateTable("interviews")
      .set({ scheduled_at: new Date("2027-01-05T10:00:00Z") })
      .where("id", "=", interview.id)
      .execute();
    await interviewChanged(ctx.db, interview.id, "moved");
    await ctx.db
      .updateTable("interviews")
      .set({ cancelled_at: new Date(), cancel_reason: "Candidate withdrew" })
      .where("id", "=", interview.id)
      .execute();
    await interviewChanged(ctx.db, interview.id, "cancelled");
    const invite = await smtp.waitForMail(interview.email, /^Interview: /);
    const moved = await smtp.waitForMail(interview.email, /^Interview moved: /);
    const cancelled = await smtp.waitForMail(interview.email, /^Interview cancelled: /);
    const ics = (mail: typeof invite) => {
      const part = mail.attachments.find((a) => a.contentType.startsWith("text/calendar"));
      const text = part ? part.content.toString("utf8") : "";
      const field = (name: string) => text.match(new RegExp(`^${name}[;:](.*)$`, "m"))?.[1]?.trim();
      return {
        uid: field("UID"),
        sequence: field("SEQUENCE"),
        method: field("METHOD"),
        start: field("DTSTART"),
        status: field("STATUS"),
        description: text.replace(/\r\n /g, ""),
      };
    };
    const [a, b, c] = [ics(invite), ics(moved), ics(cancelled)];
    expect(a.uid).toBe(`${interview.id}@panel`);
    expect([b.uid, c.uid]).toEqual([a.uid, a.uid]);
    expect([a.sequence, b.sequence, c.sequence]).toEqual(["0", "1", "2"]);
    expect([a.method, b.method, c.method]).toEqual(["REQUEST", "REQUEST", "CANCEL"]);
    expect(b.start).toContain("20270105T100000Z");
    expect(c.status).toBe("CANCELLED");
    expect(a.description).toContain(`${PUBLIC_URL}/interviews/${interview.id}`);
  });
});
