import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { collectedMetrics, emit, reportAsJson, say } from "./lib";

// `npm run bench [-- --only packet,drafter,reports,csv,autosave,start] [--json]`
// Each suite runs its pair (ours and the anchor) interleaved and warm in this one process; with
// --json every figure is one line {"bench","metric","value","unit"[,"db"]} on stdout and the
// prose goes to stderr. The machine is shared: compare figures from one run, not across runs.

const SUITES = ["packet", "drafter", "reports", "csv", "autosave", "start"] as const;
type Suite = (typeof SUITES)[number];

const { values } = parseArgs({ options: { only: { type: "string" }, json: { type: "boolean", default: false } } });
reportAsJson(values.json!);
const chosen = new Set<string>(values.only ? values.only.split(",").map((s) => s.trim()) : SUITES);
for (const name of chosen)
  if (!SUITES.includes(name as Suite)) throw new Error(`Unknown bench "${name}": choose from ${SUITES.join(", ")}`);

// The drafter's bench is its own script; its "drafter N words: p50 X ms, p95 Y ms" lines are read back.
function drafter(): void {
  const run = spawnSync(process.execPath, ["--import", "tsx", "bench/drafter.bench.ts"], {
    encoding: "utf8",
    env: process.env,
  });
  if (run.status !== 0) throw new Error(`bench/drafter.bench.ts failed: ${run.stderr}`);
  for (const line of run.stdout.trim().split("\n")) {
    try {
      const metric = JSON.parse(line);
      if (metric.bench && metric.metric) emit(metric);
      continue;
    } catch {
      // a prose line
    }
    const m = /drafter\s+(\d+) words: p50 ([\d.]+) ms, p95 ([\d.]+) ms/.exec(line);
    if (m) {
      const words = Number(m[1]) >= 1000 ? 2000 : 300;
      emit({ bench: "drafter", metric: `drafter.words${words}.p50_ms`, value: Number(m[2]), unit: "ms" });
      emit({ bench: "drafter", metric: `drafter.words${words}.p95_ms`, value: Number(m[3]), unit: "ms" });
    }
    say(line);
  }
}

const started = performance.now();
if (chosen.has("packet")) await (await import("./packet.bench")).runPacket();
if (chosen.has("drafter")) drafter();
if (chosen.has("reports") || chosen.has("csv"))
  await (await import("./reports.bench")).runReports({ reports: chosen.has("reports"), csv: chosen.has("csv") });
if (chosen.has("autosave")) await (await import("./autosave.bench")).runAutosave();
if (chosen.has("start")) await (await import("./start.bench")).runStart();
say(`bench: ${collectedMetrics().length} figures in ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exit(0);
