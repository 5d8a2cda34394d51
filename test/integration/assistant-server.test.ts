import { afterAll, beforeAll, describe, expect, it } from "vitest";
import buildIfStale from "../e2e/global-setup";
import { startServer, type RunningServer } from "../e2e/helpers/server";
import { MAX_DRAFT_CHARS } from "~/assistant/pool.server";
import { DEMO_PASSWORD } from "~/startup/demo-data.server";
import { emptyScorecard } from "~/scorecards/scorecard.schema";

// Over HTTP, against the built server: the largest draft the assistant accepts runs off the
// request thread, so a health check sent meanwhile is answered at once, not after the draft.

// A health check is answered within this while the draft runs, and within a third of the draft's
// own time: a request thread busy with the draft would hold the first check for nearly all of it.
// Generous, because the machine may be shared by many processes.
const HEALTH_BOUND_MS = 5_000;

let server: RunningServer;
let cookie = "";
let interviewId = "";

beforeAll(async () => {
  buildIfStale();
  server = await startServer();
  const signIn = await fetch(`${server.url}/login`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: server.url },
    body: new URLSearchParams({ email: "interviewer@example.com", password: DEMO_PASSWORD, redirectTo: "/" }),
    redirect: "manual",
  });
  cookie = signIn.headers.get("set-cookie")!.split(";")[0];
  const home = await (await fetch(`${server.url}/`, { headers: { cookie } })).text();
  interviewId = /\/interviews\/([0-9a-f-]{36})/.exec(home)![1];
}, 240_000);
afterAll(async () => {
  await server?.stop();
});

const sentence =
  "When the night shift left the rota unfinished I rebuilt it in a weekend, " +
  "and overtime fell from 40 to 12 hours a week. ";

function contentOf(chars: number) {
  const perQuestion = Math.floor(chars / 4);
  return emptyScorecard(
    Array.from({ length: 4 }, (_, i) => ({
      questionId: `q${i}`,
      question: "Tell me about a rota you fixed.",
      answer: sentence.repeat(Math.floor(perQuestion / sentence.length)),
      notes: "",
    })),
  );
}

const draft = (chars: number) =>
  fetch(`${server.url}/interviews/${interviewId}/draft`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Origin: server.url, cookie },
    body: JSON.stringify({ content: contentOf(chars) }),
  });

describe("the assistant over HTTP", () => {
  it("answers /healthz promptly while the largest allowed draft runs", async () => {
    let finished = false;
    const started = performance.now();
    const pending = draft(MAX_DRAFT_CHARS - 1_000).finally(() => (finished = true));
    const waits: number[] = [];
    while (!finished) {
      const start = performance.now();
      const health = await fetch(`${server.url}/healthz`);
      if (finished) break;
      expect(health.status).toBe(200);
      waits.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const response = await pending;
    const took = performance.now() - started;
    const reply = await response.json();
    expect(response.status, JSON.stringify(reply)).toBe(200);
    expect(reply).toMatchObject({ ok: true, source: "built-in" });
    expect(reply.draft.summary).toContain("40 to 12 hours");
    // Checks that overlapped the draft, each answered within the bound.
    expect(waits.length).toBeGreaterThan(0);
    expect(Math.max(...waits), `health waits ${waits.map(Math.round).join(", ")} ms`).toBeLessThan(
      Math.min(HEALTH_BOUND_MS, took / 3),
    );
  }, 120_000);

  it("refuses a draft over the size cap in the one failure shape", async () => {
    const response = await draft(MAX_DRAFT_CHARS + 20_000);
    expect(response.status).toBe(400);
    const reply = await response.json();
    expect(reply).toMatchObject({ ok: false, code: "invalid" });
    expect(reply.errors.form).toMatch(/too long for the assistant/);
  }, 60_000);
});
