import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { pipeline } from "node:stream/promises";
import { sql, type Kysely } from "kysely";
import postgres from "postgres";
import { openPglite, openPostgres, type Database } from "../db/index.server";
import { migrateToLatest } from "../db/migrate";
import type { DB } from "../db/schema";
import { reportCsv } from "../app/reports/export.server";
import { reportFiltersSchema, withDefaultRange, type ReportFilters } from "../app/reports/filters.schema";
import { loadReport } from "../app/reports/reports.server";
import { COMPETENCY_IDS, LEVEL_IDS, RECOMMENDATION_IDS } from "../app/scorecards/rubric";
import { emit, kernelMemory, percentile, say, SCALE, sleep } from "./lib";

// Recruiter reports on a synthetic hiring year: 20,000 candidates with five interviews each,
// 100,000 scorecards (1 in 12 a draft, most of those overdue), decisions for 30%, on a fresh
// PGlite folder and, with BENCH_DATABASE_URL, on a fresh PostgreSQL database (dropped after).
// BENCH_SCALE=0.1 makes everything ten times smaller. Timed: the whole Reports page load with no
// filters at all ("all time") and as it opens by default, both databases measured in one run.
// The CSV export of every row runs in a child process of its own, so the kernel's high-water
// mark of that process is the export's and nothing else's.
const CANDIDATES = Math.round(20_000 * SCALE);
const INTERVIEWERS = Math.max(10, Math.round(200 * SCALE));
const POSITIONS = 20;
const RUNS = 10;
const NOW = new Date();

export async function generate(db: Kysely<DB>): Promise<void> {
  const levels = sql.join(LEVEL_IDS.map((id) => sql`${id}::text`));
  const recs = sql.join(RECOMMENDATION_IDS.map((id) => sql`${id}::text`));
  await sql`insert into users (email, name)
    select 'bench-' || n || '@example.test', 'Interviewer ' || lpad(n::text, 4, '0') from generate_series(1, ${INTERVIEWERS}::int) n`.execute(
    db,
  );
  await sql`insert into users (email, name) values ('bench-recruiter@example.test', 'Bench Recruiter')`.execute(db);
  await sql`insert into positions (title, team, level_min, level_max, kit_id, competencies)
    select 'Position ' || n, 'Team ' || (n % 4), 'Mid', 'Senior', 'customer-experience-manager', '[]' from generate_series(1, ${POSITIONS}::int) n`.execute(
    db,
  );
  await sql`insert into candidates (position_id, name, email)
    select (array(select id from positions order by title))[1 + n % ${POSITIONS}::int], 'Candidate ' || n, 'candidate-' || n || '@example.test'
    from generate_series(1, ${CANDIDATES}::int) n`.execute(db);
  // Five interviews per candidate, spread over the past year, each with an interviewer picked by arithmetic.
  await sql`insert into interviews (candidate_id, interviewer_id, scheduled_at, time_zone, duration_minutes, stage, kit_id)
    select c.id, (array(select id from users where email like 'bench-%' and email <> 'bench-recruiter@example.test' order by email))[1 + (c.n * 7 + k * 13) % ${INTERVIEWERS}::int],
      ${NOW}::timestamptz - make_interval(days => (c.n % 365)::int, hours => 6) + k * interval '75 minutes', 'UTC', 60,
      (array['phone-screen','onsite','onsite','onsite','final'])[k], 'customer-experience-manager'
    from (select id, row_number() over (order by email) as n from candidates) c cross join generate_series(1, 5) k`.execute(
    db,
  );
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

type Db = "pglite" | "postgres";

// The page and the CSV as the bench's recruiter reads them, the independence check included.
async function recruiterId(db: Kysely<DB>): Promise<string> {
  const row = await db
    .selectFrom("users")
    .select("id")
    .where("email", "=", "bench-recruiter@example.test")
    .executeTakeFirstOrThrow();
  return row.id;
}

// Each variant of the page in turn, round by round.
async function pageLoads(database: Database, db: Db) {
  // "unfiltered": the page as it opens with no filter chosen (the default date range);
  // "all_time": no filter at all, every interview of the year.
  const variants: Record<string, ReportFilters> = {
    unfiltered: reportFiltersSchema.parse(Object.fromEntries(withDefaultRange(new URLSearchParams(), NOW))),
    all_time: reportFiltersSchema.parse({}),
  };
  const viewer = await recruiterId(database.db);
  for (const filters of Object.values(variants)) await loadReport(database.db, filters, viewer, NOW); // warm
  const times = new Map(Object.keys(variants).map((k) => [k, [] as number[]]));
  for (let i = 0; i < RUNS; i++) {
    for (const [name, filters] of Object.entries(variants)) {
      const t = performance.now();
      await loadReport(database.db, filters, viewer, NOW);
      times.get(name)!.push(performance.now() - t);
    }
  }
  for (const [name, t] of times) {
    say(
      `reports ${db.padEnd(8)} ${name.padEnd(11)} p50 ${percentile(t, 50).toFixed(1)} ms, p95 ${percentile(t, 95).toFixed(1)} ms (${RUNS} runs)`,
    );
    emit({ bench: "reports", db, metric: `reports.${name}.p95_ms`, value: percentile(t, 95), unit: "ms" });
    emit({ bench: "reports", db, metric: `reports.${name}.p50_ms`, value: percentile(t, 50), unit: "ms" });
  }
}

// The child's part: the CSV of every row into a sink that only counts. The kernel's peak is
// reset once the database is open and idle, so what it reports after is the export's own.
async function csvExport(database: Database) {
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
  gc();
  await sleep(200);
  let resetPeak = true;
  try {
    fs.writeFileSync("/proc/self/clear_refs", "5");
  } catch {
    resetPeak = false;
  }
  const viewerId = await recruiterId(database.db);
  const idle = kernelMemory();
  let lines = 0;
  const t = performance.now();
  await pipeline(
    reportCsv(database.db, reportFiltersSchema.parse({}), NOW, { viewerId }),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const byte of chunk) if (byte === 10) lines++;
        done();
      },
    }),
  );
  const seconds = (performance.now() - t) / 1000;
  const after = kernelMemory();
  return {
    rows: lines - 1,
    seconds,
    idleMb: idle.rssMb,
    peakMb: after.hwmMb,
    addedMb: after.hwmMb - (resetPeak ? idle.rssMb : idle.hwmMb),
  };
}

function csvInChild(target: string, db: Db) {
  const output = execFileSync(
    process.execPath,
    ["--expose-gc", "--import", "tsx", fileURLToPath(import.meta.url), "--csv", target],
    {
      encoding: "utf8",
      env: process.env,
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const r = JSON.parse(output.trim().split("\n").at(-1)!) as Awaited<ReturnType<typeof csvExport>>;
  say(
    `csv     ${db.padEnd(8)} ${r.rows} rows in ${r.seconds.toFixed(2)} s = ${Math.round(r.rows / r.seconds)} rows/s; idle ${r.idleMb.toFixed(0)} MB, peak ${r.peakMb.toFixed(0)} MB, added ${r.addedMb.toFixed(1)} MB (kernel)`,
  );
  emit({ bench: "csv", db, metric: "csv.rows_per_s", value: r.rows / r.seconds, unit: "rows/s" });
  emit({ bench: "csv", db, metric: "csv.added_mb", value: r.addedMb, unit: "MB" });
}

type Parts = { reports: boolean; csv: boolean };

async function onDatabase(database: Database, db: Db, target: string, parts: Parts) {
  try {
    await migrateToLatest(database.db);
    const started = performance.now();
    await generate(database.db);
    say(
      `reports ${db.padEnd(8)} generated ${CANDIDATES * 5} interviews in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    if (parts.reports) await pageLoads(database, db);
  } finally {
    await database.close();
  }
  if (parts.csv) csvInChild(target, db);
}

async function onPglite(parts: Parts) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "panel-bench-reports-"));
  try {
    await onDatabase(await openPglite(dir), "pglite", dir, parts);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

// A uniquely named database on the server, dropped afterwards whatever happens.
async function onPostgres(url: string, parts: Parts) {
  const name = `panel_bench_${crypto.randomBytes(6).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  try {
    await onDatabase(await openPostgres(target.toString()), "postgres", target.toString(), parts);
  } finally {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end({ timeout: 5 });
  }
}

export async function runReports(parts: Parts): Promise<void> {
  await onPglite(parts);
  if (process.env.BENCH_DATABASE_URL) await onPostgres(process.env.BENCH_DATABASE_URL, parts);
}

// `--csv <PGlite folder | postgres:// URL>`: the child's part, one JSON line on stdout.
if (process.argv.includes("--csv")) {
  const csvTarget = process.argv[process.argv.indexOf("--csv") + 1];
  const database = csvTarget.startsWith("postgres") ? await openPostgres(csvTarget) : await openPglite(csvTarget);
  try {
    console.log(JSON.stringify(await csvExport(database)));
  } finally {
    await database.close();
  }
}
