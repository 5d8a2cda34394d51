import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { pipeline } from "node:stream/promises";
import { CompiledQuery, sql, type Kysely } from "kysely";
import postgres from "postgres";
import { openPglite, openPostgres, type Database } from "../db/index.server";
import { migrateToLatest } from "../db/migrate";
import { calibrationCardsQuery, reportCountQuery, reportPageQuery, reportTotalsQuery } from "../db/queries/reports";
import type { DB } from "../db/schema";
import { reportCsv } from "../app/reports/export.server";
import { reportFiltersSchema, type ReportFilters } from "../app/reports/filters.schema";
import { PAGE_SIZE } from "../app/reports/report";
import { loadReport, queryFilters, reportPage } from "../app/reports/reports.server";
import { COMPETENCY_IDS, LEVEL_IDS, RECOMMENDATION_IDS } from "../app/scorecards/rubric";

// Recruiter reports on a synthetic hiring year (issue 8): 20,000 candidates with five interviews
// each, 100,000 scorecards (1 in 12 a draft, most of those overdue), decisions for 30%.
// Targets: the report page query ≤ 200 ms p95; CSV of every row ≥ 20,000 rows/s, peak ≤ 200 MB.
// Runs on a fresh PGlite folder, and on a fresh PostgreSQL database (dropped after) when
// BENCH_DATABASE_URL names a server. BENCH_SCALE=0.1 makes everything ten times smaller.
// Timed: the page query (count + one page of rows) and the whole page load (summary, feedback
// tracking, calibration, rows), p50/p95 over every scenario. The CSV export runs in a child
// process of its own per database, so its rows/s and peak memory are not mixed with the
// generator's and the page runs' leftovers.
// Run: node --expose-gc --import tsx bench/reports.bench.ts

const SCALE = Number(process.env.BENCH_SCALE ?? 1);
if (!(SCALE > 0)) throw new Error("BENCH_SCALE must be a positive number");
const CANDIDATES = Math.round(20_000 * SCALE);
const INTERVIEWERS = Math.max(10, Math.round(200 * SCALE));
const POSITIONS = 20;
const RUNS = 10;
const NOW = new Date();

const mb = (bytes: number) => +(bytes / 1024 / 1024).toFixed(1);
const pct = (sorted: number[], p: number) => +sorted[Math.ceil((p / 100) * sorted.length) - 1].toFixed(1);

async function generate(db: Kysely<DB>): Promise<void> {
  const levels = sql.join(LEVEL_IDS.map((id) => sql`${id}::text`));
  const recs = sql.join(RECOMMENDATION_IDS.map((id) => sql`${id}::text`));
  await sql`insert into users (email, name)
    select 'bench-' || n || '@example.test', 'Interviewer ' || lpad(n::text, 4, '0') from generate_series(1, ${INTERVIEWERS}::int) n`.execute(db);
  await sql`insert into users (email, name) values ('bench-recruiter@example.test', 'Bench Recruiter')`.execute(db);
  await sql`insert into positions (title, team, level_min, level_max, kit_id, competencies)
    select 'Position ' || n, 'Team ' || (n % 4), 'Mid', 'Senior', 'customer-experience-manager', '[]' from generate_series(1, ${POSITIONS}::int) n`.execute(db);
  await sql`insert into candidates (position_id, name, email)
    select (array(select id from positions order by title))[1 + n % ${POSITIONS}::int], 'Candidate ' || n, 'candidate-' || n || '@example.test'
    from generate_series(1, ${CANDIDATES}::int) n`.execute(db);
  // Five interviews per candidate, spread over the past year, each with an interviewer picked by arithmetic.
  await sql`insert into interviews (candidate_id, interviewer_id, scheduled_at, time_zone, duration_minutes, stage, kit_id)
    select c.id, (array(select id from users where email like 'bench-%' and email <> 'bench-recruiter@example.test' order by email))[1 + (c.n * 7 + k * 13) % ${INTERVIEWERS}::int],
      ${NOW}::timestamptz - make_interval(days => (c.n % 365)::int, hours => 6) + k * interval '75 minutes', 'UTC', 60,
      (array['phone-screen','onsite','onsite','onsite','final'])[k], 'customer-experience-manager'
    from (select id, row_number() over (order by email) as n from candidates) c cross join generate_series(1, 5) k`.execute(db);
  const rating = (shift: number) => sql`(array[${levels}])[1 + (h / ${shift}::int) % 5]`;
  await sql`insert into scorecards (interview_id, author_id, status, content, revision, submitted_at, updated_at)
    select i.id, i.interviewer_id, case when h % 12 = 0 then 'draft' else 'submitted' end,
      jsonb_build_object(
        'ratings', jsonb_build_object(${sql.join(COMPETENCY_IDS.map((id, k) => sql`${id}::text, ${rating(k + 1)}`))}),
        'recommendation', (array[${recs}])[1 + (h / 11) % 4],
        'level', 'Senior',
        'summary', repeat('A concrete example with numbers and the candidate''s own part in it. ', 12),
        'answers', jsonb_build_array(jsonb_build_object('questionId', 'q1', 'question', 'Tell me about a time…', 'answer', repeat('The candidate walked through the escalation step by step. ', 30), 'notes', '')),
        'redFlags', case when h % 9 = 0 then jsonb_build_array(jsonb_build_object('category', 'overclaiming', 'severity', 1 + h % 5, 'justification', 'Said "I" for the team''s work.', 'evidence', '[]'::jsonb, 'suggestion', '')) else '[]'::jsonb end),
      case when h % 12 = 0 then 0 else 1 end,
      case when h % 12 = 0 then null else least(${NOW}::timestamptz, i.scheduled_at + interval '1 hour' + make_interval(hours => (h % 96)::int)) end,
      i.scheduled_at + interval '2 hours'
    from (select id, interviewer_id, scheduled_at, abs(hashtext(id::text)) as h from interviews) i`.execute(db);
  await sql`insert into decisions (candidate_id, outcome, rationale, recorded_by)
    select c.id, (array['hire','no-hire','more-interviews'])[1 + c.n % 3], 'Bench decision', (select id from users where email = 'bench-recruiter@example.test')
    from (select id, row_number() over (order by email) as n from candidates) c where c.n % 10 < 3`.execute(db);
  await sql`analyze`.execute(db);
}

async function explain(db: Kysely<DB>, label: string, query: { compile(): CompiledQuery }) {
  const compiled = query.compile();
  const plan = await db.executeQuery<{ "QUERY PLAN": string }>(CompiledQuery.raw(`explain (analyze, buffers off) ${compiled.sql}`, [...compiled.parameters]));
  console.log(`\n-- EXPLAIN ANALYZE: ${label}\n${plan.rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
}

async function bench(database: Database) {
  const { db, dialect } = database;
  const started = performance.now();
  await generate(db);
  const counts = await sql<{ interviews: number; scorecards: number }>`select (select count(*)::int from interviews) as interviews, (select count(*)::int from scorecards) as scorecards`.execute(db);
  const generateSeconds = +((performance.now() - started) / 1000).toFixed(1);

  const positionId = (await db.selectFrom("positions").select("id").orderBy("title").executeTakeFirstOrThrow()).id;
  const interviewerId = (await db.selectFrom("users").select("id").where("email", "=", "bench-3@example.test").executeTakeFirstOrThrow()).id;
  const monthAgo = new Date(NOW.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
  const today = NOW.toISOString().slice(0, 10);
  const scenarios: Record<string, Record<string, string>> = {
    "no filters": {},
    "last 30 days": { from: monthAgo, to: today },
    position: { position: positionId },
    overdue: { status: "overdue" },
    "sorted by candidate, page 5": { sort: "candidate", dir: "asc", page: "5" },
    "interviewer + hire": { interviewer: interviewerId, recommendation: "hire" },
  };

  const pageTimes: number[] = [];
  const wholeTimes: number[] = [];
  const perScenario: Record<string, { pageP95: number; wholeP95: number }> = {};
  for (const [name, input] of Object.entries(scenarios)) {
    const filters: ReportFilters = reportFiltersSchema.parse(input);
    await reportPage(db, filters, NOW); // warm
    const times: number[] = [];
    const whole: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      let t = performance.now();
      await reportPage(db, filters, NOW);
      times.push(performance.now() - t);
      t = performance.now();
      await loadReport(db, filters, NOW);
      whole.push(performance.now() - t);
    }
    pageTimes.push(...times);
    wholeTimes.push(...whole);
    perScenario[name] = { pageP95: pct(times.sort((a, b) => a - b), 95), wholeP95: pct(whole.sort((a, b) => a - b), 95) };
  }
  pageTimes.sort((a, b) => a - b);
  wholeTimes.sort((a, b) => a - b);

  const sortDate = { key: "date" as const, dir: "desc" as const, recommendationOrder: RECOMMENDATION_IDS };
  const none = queryFilters(reportFiltersSchema.parse({}));
  const lastMonth = queryFilters(reportFiltersSchema.parse(scenarios["last 30 days"]));
  const sortCandidate = { key: "candidate" as const, dir: "asc" as const, recommendationOrder: RECOMMENDATION_IDS };
  await explain(db, `${dialect}: row count, no filters`, reportCountQuery(db, none, NOW));
  await explain(db, `${dialect}: page rows, no filters`, reportPageQuery(db, none, NOW, sortDate, { limit: PAGE_SIZE, offset: 0 }));
  await explain(db, `${dialect}: page rows, sorted by candidate, page 5`, reportPageQuery(db, none, NOW, sortCandidate, { limit: PAGE_SIZE, offset: 4 * PAGE_SIZE }));
  await explain(db, `${dialect}: summary, no filters`, reportTotalsQuery(db, none, NOW, RECOMMENDATION_IDS));
  await explain(db, `${dialect}: calibration scorecards, no filters`, calibrationCardsQuery(db, none, NOW, COMPETENCY_IDS, LEVEL_IDS));
  await explain(db, `${dialect}: row count, last 30 days`, reportCountQuery(db, lastMonth, NOW));
  await explain(db, `${dialect}: page rows, last 30 days`, reportPageQuery(db, lastMonth, NOW, sortDate, { limit: PAGE_SIZE, offset: 0 }));

  return {
    bench: `reports (${dialect})`,
    scale: SCALE,
    candidates: CANDIDATES,
    interviews: counts.rows[0].interviews,
    scorecards: counts.rows[0].scorecards,
    generateSeconds,
    pageQuery: { runs: pageTimes.length, p50ms: pct(pageTimes, 50), p95ms: pct(pageTimes, 95), perScenarioP95ms: Object.fromEntries(Object.entries(perScenario).map(([k, v]) => [k, v.pageP95])) },
    wholePage: { p50ms: pct(wholeTimes, 50), p95ms: pct(wholeTimes, 95), perScenarioP95ms: Object.fromEntries(Object.entries(perScenario).map(([k, v]) => [k, v.wholeP95])) },
  };
}

// CSV of every row into a sink that only counts, memory sampled while it runs. Peak RSS growth
// is what the export adds; the baseline is the database engine (PGlite lives in this process).
async function csvExport(database: Database) {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  gc();
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  let bytes = 0;
  let lines = 0;
  const t = performance.now();
  await pipeline(
    reportCsv(database.db, reportFiltersSchema.parse({}), NOW),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        for (const byte of chunk) if (byte === 10) lines++;
        done();
      },
    }),
  );
  const seconds = (performance.now() - t) / 1000;
  clearInterval(sampler);
  const rows = lines - 1;
  return {
    rows,
    seconds: +seconds.toFixed(2),
    rowsPerSecond: Math.round(rows / seconds),
    MB: mb(bytes),
    rssBeforeMB: mb(before.rss),
    peakRssMB: mb(peakRss),
    peakRssGrowthMB: mb(peakRss - before.rss),
    peakHeapMB: mb(peakHeap),
  };
}

// The export in a fresh process on the database the parent built (closed there first: a PGlite
// folder takes one process at a time).
function csvInChild(target: string) {
  const output = execFileSync(process.execPath, ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url), "--csv", target], {
    encoding: "utf8",
    env: process.env,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return JSON.parse(output.trim().split("\n").at(-1)!);
}

async function onPglite() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "panel-bench-reports-"));
  try {
    const database = await openPglite(dir);
    let result;
    try {
      await migrateToLatest(database.db);
      result = await bench(database);
    } finally {
      await database.close();
    }
    return { ...result, csv: csvInChild(dir) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// A uniquely named database on the server, dropped afterwards whatever happens.
async function onPostgres(url: string) {
  const name = `panel_bench_${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  try {
    const database = await openPostgres(target.toString());
    let result;
    try {
      await migrateToLatest(database.db);
      result = await bench(database);
    } finally {
      await database.close();
    }
    return { ...result, csv: csvInChild(target.toString()) };
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  }
}

// `--csv <PGlite folder | postgres:// URL>`: the child's part, one JSON line on stdout.
const csvTarget = process.argv[process.argv.indexOf("--csv") + 1];
if (process.argv.includes("--csv")) {
  const database = csvTarget.startsWith("postgres") ? await openPostgres(csvTarget) : await openPglite(csvTarget);
  try {
    console.log(JSON.stringify(await csvExport(database)));
  } finally {
    await database.close();
  }
} else {
  const results = [await onPglite()];
  if (process.env.BENCH_DATABASE_URL) results.push(await onPostgres(process.env.BENCH_DATABASE_URL));
  for (const result of results) console.log(`\n${JSON.stringify(result)}`);
}
