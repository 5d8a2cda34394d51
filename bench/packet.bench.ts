import fs from "node:fs";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { chromium } from "playwright-core";
import PDFDocument from "pdfkit";
import { PacketView } from "~/packets/PacketView";
import { aggregatePacket } from "~/packets/aggregate";
import { packetPdf } from "~/packets/packet-pdf-cache.server";
import { renderPdf, stopPdfRenderer } from "~/pdf/render-pool.server";
import { pdfFonts } from "~/ui/fonts.server";
import { type Packet } from "~/packets/packet";
import { eightLongScorecards } from "../test/unit/fixtures/packets/packets";
import { emit, median, percentile, say, SCALE } from "./lib";

// The packet PDF (8 scorecards × ~1,500 words) four ways, interleaved round by round so the
// machine's noise hits each alike: ours rendered afresh through renderPdf (in-process here, since
// the bench runs from source; the built server uses its worker thread),
// ours again unchanged (the route's cache), pdfkit writing the same words as plain text (the
// floor any pdfkit layout pays), and headless Chromium printing the packet page (the anchor).

async function drain(doc: PDFKit.PDFDocument): Promise<number> {
  let bytes = 0;
  for await (const chunk of doc) bytes += (chunk as Buffer).length;
  return bytes;
}

// Every word of every scorecard, in the same font, one paragraph per text field.
function plainText(packet: Packet): PDFKit.PDFDocument {
  const doc = new PDFDocument({ size: "A4", font: pdfFonts().regular as unknown as string });
  const strings: string[] = [];
  const walk = (value: unknown): void => {
    if (typeof value === "string") strings.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") Object.values(value).forEach(walk);
  };
  for (const interview of packet.interviews) walk(interview.scorecard);
  doc.fontSize(10);
  for (const s of strings) doc.text(s);
  doc.end();
  return doc;
}

type Way = { name: string; metric: string; run: () => Promise<unknown> };

async function time(work: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await work();
  return performance.now() - t;
}

export async function runPacket(): Promise<void> {
  const rounds = Math.max(4, Math.round(12 * SCALE));
  const packet = eightLongScorecards();
  const css = fs.readFileSync("app/styles/app.css", "utf8");
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${css}</style></head><body><main class="page">${renderToStaticMarkup(
    createElement(PacketView, { packet, aggregate: aggregatePacket(packet) }),
  )}</main></body></html>`;
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  try {
    const page = await browser.newPage();
    const ways: Way[] = [
      { name: "plain text (pdfkit floor)", metric: "packet.plaintext_floor_ms", run: () => drain(plainText(packet)) },
      {
        name: "ours, first render",
        metric: "packet.first_render_ms",
        run: () => renderPdf({ kind: "packet", input: packet }),
      },
      { name: "ours, unchanged (cached)", metric: "packet.cached_ms", run: () => packetPdf(packet) },
      {
        name: "Chromium print",
        metric: "packet.chromium_ms",
        run: async () => {
          await page.setContent(html, { waitUntil: "load" });
          await page.pdf({ format: "A4", printBackground: true });
        },
      },
    ];
    for (const way of ways) await way.run(); // warm: fonts parsed, JIT, the browser's first page
    const times = new Map(ways.map((w) => [w.metric, [] as number[]]));
    for (let round = 0; round < rounds; round++)
      for (const way of ways) times.get(way.metric)!.push(await time(way.run));
    for (const way of ways) {
      const t = times.get(way.metric)!;
      say(
        `packet  ${way.name.padEnd(28)} median ${median(t).toFixed(1)} ms, p95 ${percentile(t, 95).toFixed(1)} ms (${rounds} rounds)`,
      );
      emit({ bench: "packet", metric: way.metric, value: median(t), unit: "ms" });
    }
    const floor = median(times.get("packet.plaintext_floor_ms")!);
    const ours = median(times.get("packet.first_render_ms")!);
    const chrome = median(times.get("packet.chromium_ms")!);
    emit({ bench: "packet", metric: "packet.first_render_vs_floor", value: ours / floor, unit: "ratio" });
    const cached = median(times.get("packet.cached_ms")!);
    emit({ bench: "packet", metric: "packet.chromium_vs_first_render", value: chrome / ours, unit: "ratio" });
    emit({ bench: "packet", metric: "packet.chromium_vs_cached", value: chrome / cached, unit: "ratio" });
    say(
      `packet  ours/floor ${(ours / floor).toFixed(2)}×, Chromium/ours ${(chrome / ours).toFixed(1)}×, Chromium/cached ${(chrome / cached).toFixed(0)}×`,
    );
  } finally {
    await browser.close();
    await stopPdfRenderer();
  }
}
