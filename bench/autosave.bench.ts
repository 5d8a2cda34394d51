import crypto from "node:crypto";
import { openPostgres, setDatabase } from "~db/index.server";
import { emptyScorecard } from "~/scorecards/scorecard.schema";
import { openPostgresCluster } from "../test/e2e/helpers/postgres";
import { interviewerWithInterview, lostWrites, prepareWriters, runAutosaveLoad } from "./load-autosave";
import { emit, say, SCALE } from "./lib";

// 50 interviewers autosaving against built servers on a throwaway PostgreSQL database: back to
// back (the worst case) and paced as the page paces them (a save 1.5 s after the last answer),
// on one instance and on two. While the paced run on one instance goes on, a recruiter keeps
// downloading packet PDFs, CSV exports and drafts, and the server's own event-loop delay is read
// from its bench-only endpoint (PANEL_BENCH_METRICS=1).

const WRITERS = 50;
const DEBOUNCE_MS = 1_500;

type Side = { cookie: string; candidateId: string; interviewId: string };

async function prepareSide(url: string, secret: string): Promise<Side> {
  process.env.SESSION_SECRET = secret;
  const database = await openPostgres(url);
  setDatabase(database);
  try {
    const db = database.db;
    const model = await db
      .selectFrom("interviews")
      .select(["candidate_id", "kit_id"])
      .orderBy("scheduled_at")
      .executeTakeFirstOrThrow();
    const run = crypto.randomBytes(3).toString("hex");
    const person = {
      email: `side-${run}@load.test`,
      name: "Side load",
      roles: ["interviewer" as const, "recruiter" as const],
    };
    const { cookie, interviewId } = await interviewerWithInterview(db, model, person);
    return { cookie, candidateId: model.candidate_id, interviewId };
  } finally {
    setDatabase(undefined);
    await database.close();
  }
}

const ANSWER =
  "I took the escalation myself, called the customer the same day and agreed the fix and the date with engineering. ".repeat(
    60,
  );

// Packet PDF, CSV export and a draft of a long answer, one after another until stopped.
function sideLoad(url: string, side: Side): { stop(): Promise<Record<string, number>> } {
  let running = true;
  const statuses: Record<string, number> = {};
  const get = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${url}${path}`, {
      ...init,
      headers: { Cookie: side.cookie, Origin: url, ...init?.headers },
    }).catch(() => null);
    const key = `${path.split("?")[0].split("/").at(-1)} ${response?.status ?? "error"}`;
    statuses[key] = (statuses[key] ?? 0) + 1;
    await response?.arrayBuffer().catch(() => {});
  };
  const loop = (async () => {
    while (running) {
      await get(`/candidates/${side.candidateId}/packet.pdf`);
      await get(`/reports.csv`);
      await get(`/interviews/${side.interviewId}/draft`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          content: {
            ...emptyScorecard([
              { questionId: "q", question: "Tell me about an escalation.", answer: ANSWER, notes: "" },
            ]),
          },
        }),
      });
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return statuses;
    },
  };
}

async function eventLoop(url: string): Promise<{ p50: number; p99: number; max: number } | null> {
  const response = await fetch(`${url}/_bench/event-loop`).catch(() => null);
  if (!response?.ok || !response.headers.get("content-type")?.includes("json")) return null;
  return (await response.json()) as { p50: number; p99: number; max: number };
}

export async function runAutosave(): Promise<void> {
  if (!process.env.BENCH_DATABASE_URL) {
    say("autosave: skipped (set BENCH_DATABASE_URL to a PostgreSQL server)");
    return;
  }
  process.env.TEST_DATABASE_URL = process.env.BENCH_DATABASE_URL;
  const seconds = Math.max(5, Math.round(30 * SCALE));
  const cluster = await openPostgresCluster();
  try {
    const servers = [
      await cluster.start({ PANEL_BENCH_METRICS: "1" }),
      await cluster.start({ PANEL_BENCH_METRICS: "1" }),
    ];
    const side = await prepareSide(cluster.database.url!, cluster.secret);
    for (const instances of [1, 2]) {
      for (const mode of ["burst", "paced"] as const) {
        const urls = servers.slice(0, instances).map((s) => s.url);
        const writers = await prepareWriters(cluster.database.url!, WRITERS, cluster.secret);
        const withSide = instances === 1 && mode === "paced";
        await eventLoop(urls[0]); // resets the server's histogram
        const sides = withSide ? sideLoad(urls[0], side) : null;
        const result = await runAutosaveLoad({ urls, writers, seconds, pacedMs: mode === "paced" ? DEBOUNCE_MS : 0 });
        const sideStatuses = await sides?.stop();
        const loop = await eventLoop(urls[0]);
        const lost = await lostWrites(cluster.database.url!, result.outcomes);
        const name = `autosave.${mode}${instances === 2 ? ".two_instances" : ""}`;
        const pg = { bench: "autosave", db: "postgres" as const };
        emit({ ...pg, metric: `${name}.p50_ms`, value: result.p50, unit: "ms" });
        emit({ ...pg, metric: `${name}.p95_ms`, value: result.p95, unit: "ms" });
        emit({ ...pg, metric: `${name}.max_ms`, value: result.max, unit: "ms" });
        emit({ ...pg, metric: `${name}.saves_per_s`, value: result.saves / seconds, unit: "saves/s" });
        emit({ ...pg, metric: `${name}.server_errors`, value: result.serverErrors, unit: "count" });
        emit({ ...pg, metric: `${name}.lost_writes`, value: lost.length, unit: "count" });
        if (loop)
          emit({
            ...pg,
            metric: withSide ? "autosave.event_loop_p99_ms" : `${name}.event_loop_p99_ms`,
            value: loop.p99,
            unit: "ms",
          });
        say(
          `autosave ${mode.padEnd(5)} ×${instances}: ${WRITERS} writers ${seconds} s, ${result.saves} saves (${(result.saves / seconds).toFixed(0)}/s), ` +
            `p50 ${result.p50.toFixed(1)} p95 ${result.p95.toFixed(1)} max ${result.max.toFixed(0)} ms, 5xx ${result.serverErrors}, ` +
            `other ${JSON.stringify(result.otherStatuses)}, lost ${lost.length}` +
            (loop
              ? `, server event loop p50 ${loop.p50.toFixed(1)} p99 ${loop.p99.toFixed(1)} max ${loop.max.toFixed(0)} ms`
              : "") +
            (sideStatuses ? `; side load ${JSON.stringify(sideStatuses)}` : ""),
        );
      }
    }
  } finally {
    await cluster.stop();
  }
}
