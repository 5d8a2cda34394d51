import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects, seedDemo, useTestDatabase } from "../helpers/db";
import { openPglite } from "~db/index.server";
import { callRoute, request } from "../helpers/http";
import { signedInCookieFor } from "../helpers/users";
import { aggregatePacket } from "~/packets/aggregate";
import { buildPacket } from "~/packets/packet.server";
import { getTemplates } from "~/scorecards/templates.server";
import { action as packetAction, loader as packetLoader } from "~/routes/candidates.$candidateId.packet";
import { loader as pdfLoader } from "~/routes/candidates.$candidateId.packet[.]pdf";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

async function pdfText(bytes: Uint8Array): Promise<string> {
  const { text } = await extractText(await getDocumentProxy(bytes.slice()), { mergePages: true });
  return text;
}

describe.each(dialects())("the committee packet on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  const cookies: Record<string, string> = {};
  const candidates: Record<string, string> = {};

  beforeAll(async () => {
    await seedDemo(ctx.db);
    for (const email of [
      "committee@example.com",
      "recruiter@example.com",
      "admin@example.com",
      "interviewer@example.com",
    ]) {
      cookies[email] = await signedInCookieFor(ctx.db, email);
    }
    for (const row of await ctx.db.selectFrom("candidates").select(["id", "name"]).execute())
      candidates[row.name] = row.id;
  });

  const page = (id: string, who: string) =>
    callRoute(packetLoader, request(`/candidates/${id}/packet`, { cookie: cookies[who] }), { candidateId: id });
  const pdf = (id: string, who: string) =>
    callRoute(pdfLoader, request(`/candidates/${id}/packet.pdf`, { cookie: cookies[who] }), { candidateId: id });
  const decide = (id: string, who: string, form: Record<string, string>) =>
    callRoute(packetAction, request(`/candidates/${id}/packet`, { cookie: cookies[who], form }), { candidateId: id });

  it("lists the panel with each scorecard's status and tallies only the submitted ones", async () => {
    const built = (await buildPacket(ctx.db, candidates["Jordan Rivera"], null))!;
    expect(aggregatePacket(built).tallyText).toBe("2 Hire, 1 No Hire");
    expect(aggregatePacket(built).missing.map((m) => m.interviewer.name)).toEqual(["Sam Okafor"]);

    const response = await page(candidates["Jordan Rivera"], "committee@example.com");
    expect(response.status).toBe(200);
    const { packet, canDecide } = await response.json();
    expect(canDecide).toBe(true);
    expect(packet.candidate).toMatchObject({ name: "Jordan Rivera", levelApplied: "Senior" });
    expect(packet.position.title).toBe("Customer Experience Manager");
    const panel = packet.interviews.map((i: { interviewer: { name: string }; status: string }) => [
      i.interviewer.name,
      i.status,
    ]);
    // Sam's scorecard is still a draft within its deadline; its content stays out of the packet,
    // and as Sam is on this panel himself, the others' stay out of his until he submits.
    expect(panel).toEqual([
      ["Priya Natarajan", "withheld"],
      ["Marcus Webb", "withheld"],
      ["Lena Fischer", "withheld"],
      ["Sam Okafor", "draft"],
    ]);
    expect(packet.interviews.map((i: { scorecard: unknown }) => i.scorecard)).toEqual([null, null, null, null]);
    const asRecruiter = (await (await page(candidates["Jordan Rivera"], "recruiter@example.com")).json()).packet;
    expect(asRecruiter.interviews.map((i: { status: string }) => i.status)).toEqual([
      "submitted",
      "submitted",
      "submitted",
      "draft",
    ]);
    expect(asRecruiter.interviews[3].scorecard).toBeNull();
    expect(asRecruiter.interviews[0].scorecard.summary).not.toBe("");
    expect(asRecruiter.interviews[0].focus.questions[0]).toMatch(/\?|\./); // the kit's prompt, not its id

    const tomas = await (await page(candidates["Tomás Silva"], "recruiter@example.com")).json();
    expect(tomas.canDecide).toBe(false);
    expect(tomas.packet.interviews.map((i: { status: string }) => i.status)).toEqual([
      "submitted",
      "submitted",
      "draft",
      "not-started",
      "not-started",
    ]);
  });

  it("shows focus questions as the kit words them now, an edit in the browser included", async () => {
    const tomas = candidates["Tomás Silva"];
    const interview = (await buildPacket(ctx.db, tomas, null))!.interviews[0];
    const row = await ctx.db
      .selectFrom("interviews")
      .select(["kit_id", "focus_questions"])
      .where("id", "=", interview.id)
      .executeTakeFirstOrThrow();
    const kit = getTemplates().kitById(row.kit_id)!;
    const edited = {
      ...kit,
      version: kit.version + 1,
      questions: kit.questions.map((q) =>
        q.id === row.focus_questions[0]
          ? { ...q, prompt: "Reworded in the browser: tell me about a hard customer." }
          : q,
      ),
    };
    const admin = await ctx.db
      .selectFrom("users")
      .select("id")
      .where("email", "=", "admin@example.com")
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto("kit_versions")
      .values({ kit_id: kit.id, version: edited.version, content: JSON.stringify(edited), created_by: admin.id })
      .execute();
    try {
      expect((await buildPacket(ctx.db, tomas, null))!.interviews[0].focus.questions).toEqual([
        "Reworded in the browser: tell me about a hard customer.",
      ]);
    } finally {
      await ctx.db
        .deleteFrom("kit_versions")
        .where("kit_id", "=", kit.id)
        .where("version", "=", edited.version)
        .execute();
    }
  });

  it("leaves a cancelled interview out of the packet", async () => {
    const id = candidates["Aisha Bello"];
    const before = (await (await page(id, "admin@example.com")).json()).packet.interviews;
    // Priya's onsite is two days old without a scorecard: overdue.
    expect(before.map((i: { status: string }) => i.status)).toEqual(["submitted", "overdue", "not-started"]);
    await ctx.db
      .updateTable("interviews")
      .set({ cancelled_at: new Date(), cancel_reason: "Candidate withdrew from the final" })
      .where("id", "=", before[2].id)
      .execute();
    const after = (await (await page(id, "admin@example.com")).json()).packet.interviews;
    expect(after.map((i: { id: string }) => i.id)).toEqual([before[0].id, before[1].id]);
  });

  it("records a decision, then a revision with its reason, keeping both in order with audit rows", async () => {
    const id = candidates["Jordan Rivera"];
    // The first decision's form has no reason field at all.
    const first = await decide(id, "committee@example.com", {
      outcome: "hire",
      level: "Senior",
      rationale: "Strong ownership across the panel.",
      earlyReason: "Sam's draft will not change the outcome.",
      basedOn: "",
    });
    expect(first.status).toBe(302);

    const { decisionId } = await (await page(id, "committee@example.com")).json();
    const revision = {
      outcome: "hire",
      level: "Mid",
      rationale: "Hire, one level down.",
      reason: "",
      earlyReason: "Still waiting on Sam.",
      basedOn: decisionId,
    };
    const noReason = await decide(id, "committee@example.com", revision);
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).errors.reason).toMatch(/why/);

    const revised = await decide(id, "admin@example.com", {
      ...revision,
      reason: "Problem solving came out below Senior.",
    });
    expect(revised.status).toBe(302);
    // A form loaded before the revision must not overwrite it.
    const stale = await decide(id, "committee@example.com", { ...revision, reason: "Stale tab" });
    expect(stale.status).toBe(409);

    const { packet } = await (await page(id, "recruiter@example.com")).json();
    expect(
      packet.decisionHistory.map((d: { level: string; reason: string | null; recordedBy: { name: string } }) => [
        d.level,
        d.reason,
        d.recordedBy.name,
      ]),
    ).toEqual([
      ["Senior", null, "Sam Okafor"],
      ["Mid", "Problem solving came out below Senior.", "Alex Kim"],
    ]);
    expect(packet.decision).toMatchObject({ outcome: "hire", level: "Mid" });
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select("action")
      .where("subject_id", "=", id)
      .where("action", "like", "decision.%")
      .orderBy("id")
      .execute();
    expect(audit.map((a) => a.action)).toEqual(["decision.record", "decision.revise"]);
  });

  it("asks why when scorecards are missing, seals debrief votes until all are in, and keeps both with the decision", async () => {
    const id = candidates["Aisha Bello"];
    const members = await ctx.db
      .selectFrom("users")
      .select(["id", "email"])
      .where("email", "in", ["committee@example.com", "interviewer2@example.com"])
      .execute();
    await ctx.db.deleteFrom("committee_members").where("candidate_id", "=", id).execute();
    await ctx.db
      .insertInto("committee_members")
      .values(members.map((m) => ({ candidate_id: id, user_id: m.id })))
      .execute();
    // A seat counts only with the committee role.
    const second = members.find((m) => m.email === "interviewer2@example.com")!;
    await ctx.db
      .insertInto("user_roles")
      .values({ user_id: second.id, role: "committee" })
      .onConflict((oc) => oc.doNothing())
      .execute();
    cookies["interviewer2@example.com"] = await signedInCookieFor(ctx.db, "interviewer2@example.com");
    const vote = (who: string, form: Record<string, string>) => decide(id, who, { intent: "vote", ...form });

    expect((await vote("committee@example.com", { outcome: "hire", reason: "one\ntwo lines" })).status).toBe(400);
    expect((await vote("admin@example.com", { outcome: "hire", reason: "Admins have no seat." })).status).toBe(403);
    expect(
      (await vote("committee@example.com", { outcome: "hire", reason: "Clear ownership of the escalation." })).status,
    ).toBe(302);
    // Sealed: the member sees only their own vote; the recruiter sees none yet.
    const sealed = (await (await page(id, "committee@example.com")).json()).packet.debrief;
    expect(sealed).toMatchObject({ sealed: true, votes: [{ name: "Sam Okafor", outcome: "hire" }] });
    expect(sealed.voters.map((v: { voted: boolean }) => v.voted).sort()).toEqual([false, true]);
    expect((await (await page(id, "recruiter@example.com")).json()).packet.debrief.votes).toEqual([]);
    expect(
      (await vote("interviewer2@example.com", { outcome: "no-hire", reason: "Could not name her own part." })).status,
    ).toBe(302);
    const open = (await (await page(id, "recruiter@example.com")).json()).packet.debrief;
    expect(open.sealed).toBe(false);
    expect(open.votes.map((v: { outcome: string }) => v.outcome).sort()).toEqual(["hire", "no-hire"]);

    // Two of Aisha's interviews have no submitted scorecard: deciding needs a reason.
    const form = { outcome: "more-interviews", level: "", rationale: "Split vote.", reason: "", basedOn: "" };
    const early = await decide(id, "committee@example.com", form);
    expect(early.status).toBe(400);
    expect((await early.json()).errors.earlyReason).toMatch(
      /^Say why the committee decides with \d scorecards? missing$/,
    );
    expect(
      (
        await decide(id, "committee@example.com", {
          ...form,
          earlyReason: "The final round is next week; we agree now on more interviews.",
        })
      ).status,
    ).toBe(302);
    const { decision } = (await (await page(id, "recruiter@example.com")).json()).packet;
    expect(decision.earlyReason).toBe("The final round is next week; we agree now on more interviews.");
    expect(decision.missingScorecards.length).toBeGreaterThan(0);
    expect(decision.votes.map((v: { name: string }) => v.name).sort()).toEqual(["Marcus Webb", "Sam Okafor"]);
    const text = await pdfText(new Uint8Array(await (await pdf(id, "recruiter@example.com")).arrayBuffer()));
    expect(text).toContain("Debrief votes");
    expect(text).toContain("Could not name her own part.");
    expect(text).toMatch(/Why:\s+The\s+final\s+round\s+is\s+next\s+week/);
  });

  it("refuses a decision without a rationale with a field error, and a recruiter's decision with 403", async () => {
    const id = candidates["Tomás Silva"];
    const missing = await decide(id, "committee@example.com", {
      outcome: "no-hire",
      level: "",
      rationale: "  ",
      reason: "",
      basedOn: "",
    });
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors).toEqual({ rationale: "Write the rationale for this decision" });
    const recruiter = await decide(id, "recruiter@example.com", {
      outcome: "no-hire",
      level: "",
      rationale: "No.",
      reason: "",
      basedOn: "",
    });
    expect(recruiter.status).toBe(403);
    expect(await ctx.db.selectFrom("decisions").select("id").where("candidate_id", "=", id).execute()).toEqual([]);
  });

  it("answers 404 to an interviewer who is not on the committee: page, PDF and decision", async () => {
    const id = candidates["Jordan Rivera"];
    expect((await page(id, "interviewer@example.com")).status).toBe(404);
    expect((await pdf(id, "interviewer@example.com")).status).toBe(404);
    const decision = await decide(id, "interviewer@example.com", {
      outcome: "hire",
      level: "Senior",
      rationale: "I liked them.",
      reason: "",
      basedOn: "",
    });
    expect(decision.status).toBe(404);
  });

  it("streams the packet as a PDF file and records the download", async () => {
    const id = candidates["Tomás Silva"];
    const response = await pdf(id, "committee@example.com");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="packet-tomas-silva.pdf"');
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    const text = await pdfText(bytes);
    expect(text).toContain("Tomás Silva");
    expect(text).toContain("Lena Fischer");
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select(["action", "actor_id"])
      .where("subject_id", "=", id)
      .where("action", "=", "packet.download")
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describe("the packet command line", () => {
  let dataDir: string;
  const cli = (...args: string[]) => {
    const { DATABASE_URL: _ignored, ...env } = process.env;
    return run(tsx, ["scripts/packet.ts", ...args], {
      cwd: root,
      env: { ...env, PGLITE_DIR: dataDir },
      encoding: "utf8",
    });
  };

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "panel-packet-cli-"));
    const { DATABASE_URL: _ignored, ...env } = process.env;
    await run(tsx, ["scripts/db-seed.ts"], { cwd: root, env: { ...env, PGLITE_DIR: dataDir }, encoding: "utf8" });
  }, 120_000);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it("lists candidates as JSON lines and writes a packet by email or id", async () => {
    const { stdout } = await cli("--list");
    const rows = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(rows.map((r) => r.name)).toEqual(["Aisha Bello", "Jordan Rivera", "Tomás Silva"]);
    expect(Object.keys(rows[0])).toEqual(["id", "name", "email", "position"]);
    expect(rows[0].position).toBe("Customer Experience Manager");

    const byEmail = path.join(dataDir, "jordan.pdf");
    await cli("--candidate", "jordan.rivera@example.net", "--out", byEmail);
    expect(await pdfText(new Uint8Array(fs.readFileSync(byEmail)))).toContain("Jordan Rivera");

    const byId = path.join(dataDir, "tomas.pdf");
    await cli("--candidate", rows[2].id, "--out", byId);
    expect(await pdfText(new Uint8Array(fs.readFileSync(byId)))).toContain("Tomás Silva");
  }, 60_000);

  it("exits 2 with one line for an unknown candidate", async () => {
    const failure = await cli("--candidate", "nobody@example.net", "--out", path.join(dataDir, "x.pdf")).catch(
      (error) => error,
    );
    expect(failure.code).toBe(2);
    expect(failure.stderr.trim()).toBe(
      'packet: no candidate with id or email "nobody@example.net" (list them with --list)',
    );
    expect(fs.existsSync(path.join(dataDir, "x.pdf"))).toBe(false);
  }, 60_000);

  it("records every packet it writes in the audit log, naming the operator", async () => {
    const out = path.join(dataDir, "audited.pdf");
    await cli("--candidate", "aisha.bello@example.net", "--out", out);
    const database = await openPglite(dataDir);
    try {
      const rows = await database.db
        .selectFrom("audit_log")
        .select(["user_agent", "details"])
        .where("action", "=", "packet.export-cli")
        .execute();
      const row = rows.find((r) => (r.details as { out?: string }).out === out);
      expect(row?.user_agent).toBe(`panel-cli (${os.userInfo().username}@${os.hostname()})`);
    } finally {
      await database.close();
    }
  }, 120_000);
});
