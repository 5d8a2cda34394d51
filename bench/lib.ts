import fs from "node:fs";

// Shared by every suite of `npm run bench`: the scale, percentiles, kernel memory figures and the
// one way a figure is reported (a JSON line with --json, a table row otherwise).

export const SCALE = Number(process.env.BENCH_SCALE ?? 1);
if (!(SCALE > 0)) throw new Error("BENCH_SCALE must be a positive number");

export type Metric = {
  bench: string;
  metric: string;
  value: number;
  unit: string;
  db?: "pglite" | "postgres";
  note?: string;
};

const collected: Metric[] = [];
let asJson = false;
export function reportAsJson(on: boolean): void {
  asJson = on;
}

export function emit(metric: Metric): void {
  const rounded = {
    ...metric,
    value: Number.isFinite(metric.value) ? +metric.value.toFixed(metric.value < 10 ? 2 : 1) : metric.value,
  };
  collected.push(rounded);
  if (asJson) console.log(JSON.stringify(rounded));
}

export function collectedMetrics(): Metric[] {
  return collected;
}

// Human output goes to stderr under --json, so stdout stays one JSON object per line.
export function say(line: string): void {
  if (asJson) process.stderr.write(`${line}\n`);
  else console.log(line);
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
export const median = (values: number[]) => percentile(values, 50);

// The kernel's view of a process's memory, in MB: resident now and its high-water mark.
export function kernelMemory(pid: number | "self" = "self"): { rssMb: number; hwmMb: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+)`, "m").exec(status)?.[1] ?? NaN);
  return { rssMb: kb("VmRSS") / 1024, hwmMb: kb("VmHWM") / 1024 };
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
