import fs from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { chromium } from "playwright-core";
import { PacketView } from "~/packets/PacketView";
import { aggregatePacket } from "~/packets/aggregate";
import { renderPacketPdf } from "~/packets/packet-pdf.server";
import { eightLongScorecards } from "../test/unit/fixtures/packets/packets";

// The alternative people reach for: print the HTML packet page to PDF in headless Chromium.
// Same packet as bench/packet-pdf.bench.ts, both measured in this one run.
const RUNS = 8;
const packet = eightLongScorecards();
const css = fs.readFileSync("app/styles/app.css", "utf8");
const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body><main class="page">${renderToStaticMarkup(
  createElement(PacketView, { packet, aggregate: aggregatePacket(packet) }),
)}</main></body></html>`;

const p50 = (times: number[]) => +[...times].sort((a, b) => a - b)[Math.ceil(times.length / 2) - 1].toFixed(1);

async function time(work: () => Promise<unknown>): Promise<number[]> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  return times;
}

const pdfkit = await time(async () => {
  for await (const _chunk of renderPacketPdf(packet)) void _chunk;
});

const launchStart = performance.now();
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const launchMs = performance.now() - launchStart;
const page = await browser.newPage();
let bytes = 0;
const printed = await time(async () => {
  await page.setContent(html, { waitUntil: "load" });
  bytes = (await page.pdf({ format: "A4", printBackground: true })).length;
});
await browser.close();

console.log(
  JSON.stringify({
    bench: "packet-pdf: pdfkit vs Chromium print",
    runs: RUNS,
    pdfkitP50ms: p50(pdfkit),
    chromiumP50ms: p50(printed),
    chromiumLaunchMs: +launchMs.toFixed(0),
    chromiumPdfKB: Math.round(bytes / 1024),
    ratio: +(p50(printed) / p50(pdfkit)).toFixed(1),
  }),
);
