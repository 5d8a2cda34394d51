import { renderPacketPdf } from "~/packets/packet-pdf.server";
import { eightLongScorecards } from "../test/unit/fixtures/packets/packets";

// Packet PDF for 8 submitted scorecards of ~1,500 words each.
// Targets (issue 6): p50 ≤ 150 ms and peak memory growth ≤ 100 MB.
// Run: node --expose-gc --import tsx bench/packet-pdf.bench.ts

const WARM_UP = 3;
const RUNS = 20;
const packet = eightLongScorecards();

async function renderToBytes(): Promise<number> {
  let bytes = 0;
  for await (const chunk of renderPacketPdf(packet)) bytes += (chunk as Buffer).length;
  return bytes;
}
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const mb = (bytes: number) => +(bytes / 1024 / 1024).toFixed(1);

// The kernel's high-water mark catches the peak inside a synchronous render, which a timer cannot.
gc();
const start = { rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed };

const coldStart = performance.now();
const size = await renderToBytes(); // includes parsing the fonts once per process
const coldMs = performance.now() - coldStart;
for (let i = 1; i < WARM_UP; i++) await renderToBytes();

const times: number[] = [];
let peakHeap = 0;
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  await renderToBytes();
  times.push(performance.now() - t);
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
gc();
const retainedHeap = process.memoryUsage().heapUsed - start.heap;
const peakRss = process.resourceUsage().maxRSS * 1024;

times.sort((a, b) => a - b);
const pct = (p: number) => +times[Math.ceil((p / 100) * times.length) - 1].toFixed(1);
const words = packet.interviews.map((i) => JSON.stringify(i.scorecard).split(/\s+/).length);
console.log(
  JSON.stringify({
    bench: "packet-pdf (pdfkit)",
    scorecards: words.length,
    wordsPerScorecard: Math.round(words.reduce((a, b) => a + b, 0) / words.length),
    pdfKB: Math.round(size / 1024),
    coldMs: +coldMs.toFixed(1),
    runs: RUNS,
    p50ms: pct(50),
    p95ms: pct(95),
    peakRssGrowthMB: mb(peakRss - start.rss),
    peakHeapGrowthMB: mb(peakHeap - start.heap),
    retainedHeapAfterGcMB: mb(retainedHeap),
  }),
);
