import crypto from "node:crypto";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { openPostgres, setDatabase } from "~db/index.server";
import { createUser } from "~db/queries/users";
import { startSession } from "~/auth/session.server";
import { emptyScorecard } from "~/scorecards/scorecard.schema";
import { insertInterview } from "~db/queries/interviews";
import type { Role } from "~db/schema";

// Many interviewers autosaving at once against built servers on one PostgreSQL database, each
// writer following its own version chain. Afterwards every scorecard must hold exactly the last
// text its author saw acknowledged: a lost or crossed write fails the run.
//
//   npx tsx bench/load-autosave.ts [--seconds 60] [--writers 50] [--instances 1|2]
//
// needs TEST_DATABASE_URL (a PostgreSQL server; a fresh database is created and dropped) and a
// built app (`npm run build`). Plain concurrent fetch loops rather than autocannon: each request
// body depends on the previous answer (the version it is based on), which autocannon's fixed
// requests cannot express without a per-connection state machine of its own.

export type Writer = { label: string; interviewId: string; cookie: string };
export type WriterOutcome = { writer: Writer; lastNotes: string | null; version: number };
export type LoadResult = {
  saves: number;
  serverErrors: number;
  otherStatuses: Record<string, number>;
  p50: number;
  p95: number;
  max: number;
  outcomes: WriterOutcome[];
};

// 50 interviewers, each with an interview of the first demo candidate, signed in by session rows
// (the servers must share `secret` as SESSION_SECRET to read them).
type Model = { candidate_id: string; kit_id: string };

// A signed-in interviewer with an interview that ended an hour ago, on the model candidate.
export async function interviewerWithInterview(
  db: Parameters<typeof createUser>[0],
  model: Model,
  person: { email: string; name: string; roles: Role[] },
): Promise<{ interviewId: string; cookie: string }> {
  const userId = await createUser(db, { ...person, passwordHash: null });
  const interviewId = await insertInterview(db, {
    candidate_id: model.candidate_id,
    interviewer_id: userId,
    scheduled_at: new Date(Date.now() - 3_600_000),
    time_zone: "Europe/London",
    duration_minutes: 45,
    stage: "onsite",
    focus_competencies: [],
    focus_questions: [],
    kit_id: model.kit_id,
  });
  return { interviewId, cookie: (await startSession(userId)).split(";")[0] };
}

export async function prepareWriters(databaseUrl: string, count: number, secret: string): Promise<Writer[]> {
  process.env.SESSION_SECRET = secret;
  const database = await openPostgres(databaseUrl);
  setDatabase(database);
  try {
    const db = database.db;
    const model = await db
      .selectFrom("interviews")
      .select(["candidate_id", "kit_id"])
      .orderBy("scheduled_at")
      .executeTakeFirstOrThrow();
    const run = crypto.randomBytes(3).toString("hex");
    const writers: Writer[] = [];
    for (let i = 0; i < count; i++) {
      const label = `writer-${i + 1}`;
      const person = { email: `${label}-${run}@load.test`, name: `Load ${label}`, roles: ["interviewer" as const] };
      writers.push({ label, ...(await interviewerWithInterview(db, model, person)) });
    }
    return writers;
  } finally {
    setDatabase(undefined);
    await database.close();
  }
}

const FILLER =
  "Asked about the escalation; answered with the sequence of calls, the owner of each step and the figures. ";

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// Writer i talks to urls[i % urls.length]: with two urls the load is split across two instances.
// pacedMs: the pause after each answer, as the page's debounce spaces an interviewer's saves
// (jittered ±20% so writers do not march in step); 0 saves back to back.
export async function runAutosaveLoad({
  urls,
  writers,
  seconds,
  pacedMs = 0,
}: {
  urls: string[];
  writers: Writer[];
  seconds: number;
  pacedMs?: number;
}): Promise<LoadResult> {
  const deadline = Date.now() + seconds * 1000;
  const latencies: number[] = [];
  const otherStatuses: Record<string, number> = {};
  let serverErrors = 0;

  const loop = async (writer: Writer, url: string): Promise<WriterOutcome> => {
    let version = 0;
    let lastNotes: string | null = null;
    if (pacedMs) await new Promise((resolve) => setTimeout(resolve, Math.random() * pacedMs));
    for (let k = 1; Date.now() < deadline; k++) {
      // Notes grow as an interviewer types, up to a few kilobytes, and always end in the save number.
      const notes = `${FILLER.repeat(1 + (k % 30))}${writer.label} save ${k}`;
      const started = performance.now();
      let status: number;
      let body: string;
      try {
        const response = await fetch(`${url}/interviews/${writer.interviewId}/scorecard`, {
          method: "POST",
          headers: { Cookie: writer.cookie, Origin: url, "Content-Type": "application/json" },
          body: JSON.stringify({ intent: "save", baseVersion: version, content: { ...emptyScorecard(), notes } }),
        });
        status = response.status;
        body = await response.text();
      } catch (error) {
        status = 0;
        body = (error as Error).message;
      }
      if (status === 200) {
        latencies.push(performance.now() - started);
        version = (JSON.parse(body) as { saved: { version: number } }).saved.version;
        lastNotes = notes;
      } else if (status >= 500) {
        serverErrors += 1;
      } else {
        otherStatuses[status] = (otherStatuses[status] ?? 0) + 1;
      }
      if (pacedMs) await new Promise((resolve) => setTimeout(resolve, pacedMs * (0.8 + 0.4 * Math.random())));
    }
    return { writer, lastNotes, version };
  };

  const outcomes = await Promise.all(writers.map((writer, i) => loop(writer, urls[i % urls.length])));
  latencies.sort((a, b) => a - b);
  return {
    saves: latencies.length,
    serverErrors,
    otherStatuses,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies.at(-1) ?? NaN,
    outcomes,
  };
}

// Writers whose scorecard does not hold exactly their last acknowledged text and version.
export async function lostWrites(databaseUrl: string, outcomes: WriterOutcome[]): Promise<string[]> {
  const database = await openPostgres(databaseUrl);
  try {
    const rows = await database.db
      .selectFrom("scorecards")
      .select(["interview_id", "version", "content"])
      .where(
        "interview_id",
        "in",
        outcomes.map((o) => o.writer.interviewId),
      )
      .execute();
    const byInterview = new Map(rows.map((r) => [r.interview_id, r]));
    return outcomes
      .filter(({ writer, lastNotes, version }) => {
        const row = byInterview.get(writer.interviewId);
        if (lastNotes === null) return row !== undefined;
        return !row || row.version !== version || (row.content as { notes: string }).notes !== lastNotes;
      })
      .map((o) => o.writer.label);
  } finally {
    await database.close();
  }
}

export function report(title: string, result: LoadResult, lost: string[], seconds: number): string {
  const round = (n: number) => Math.round(n * 10) / 10;
  return [
    `${title}: ${result.outcomes.length} writers for ${seconds} s`,
    `  saves acknowledged: ${result.saves} (${round(result.saves / seconds)}/s)`,
    `  save latency: p50 ${round(result.p50)} ms, p95 ${round(result.p95)} ms, max ${round(result.max)} ms`,
    `  5xx: ${result.serverErrors}; other non-200: ${JSON.stringify(result.otherStatuses)}`,
    `  scorecards not holding their author's last saved text: ${lost.length}${lost.length ? ` (${lost.slice(0, 5).join(", ")}…)` : ""}`,
  ].join("\n");
}

// A fresh database, `instances` built servers on it, the load, the check; true when nothing failed.
export async function loadScenario({
  seconds,
  writers,
  instances,
}: {
  seconds: number;
  writers: number;
  instances: number;
}): Promise<boolean> {
  if (!process.env.TEST_DATABASE_URL)
    throw new Error("Set TEST_DATABASE_URL to a PostgreSQL server (a fresh database is created on it and dropped)");
  // Loaded here, not at the top, so a test importing this module does not start anything.
  const { openPostgresCluster } = await import("../test/e2e/helpers/postgres");
  const cluster = await openPostgresCluster();
  try {
    const servers = [];
    for (let i = 0; i < instances; i++) servers.push(await cluster.start());
    const people = await prepareWriters(cluster.database.url!, writers, cluster.secret);
    const result = await runAutosaveLoad({ urls: servers.map((s) => s.url), writers: people, seconds });
    const lost = await lostWrites(cluster.database.url!, result.outcomes);
    console.log(report(`Autosave load on ${instances} instance(s), PostgreSQL`, result, lost, seconds));
    return result.serverErrors === 0 && lost.length === 0 && Object.keys(result.otherStatuses).length === 0;
  } finally {
    await cluster.stop();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({
    options: {
      seconds: { type: "string", default: "60" },
      writers: { type: "string", default: "50" },
      instances: { type: "string", default: "1" },
    },
  });
  loadScenario({
    seconds: Number(values.seconds),
    writers: Number(values.writers),
    instances: Number(values.instances),
  }).then(
    (ok) => process.exit(ok ? 0 : 1),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
