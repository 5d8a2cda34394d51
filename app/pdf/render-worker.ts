import { parentPort } from "node:worker_threads";
import { renderPacketPdf } from "~/packets/packet-pdf.server";
import { renderReportPdf } from "~/reports/report-pdf.server";
import { pdfFonts } from "~/ui/fonts.server";
import type { RenderJob, RenderReply } from "./render-pool.server";

// The PDF renderer's thread: pdfkit lays out a whole document synchronously, which would stall
// every other request for as long as it takes if it ran on the server's event loop.

async function render(job: RenderJob): Promise<Uint8Array<ArrayBuffer>> {
  const doc = job.kind === "packet" ? renderPacketPdf(job.input) : renderReportPdf(job.input);
  const chunks: Buffer[] = [];
  for await (const chunk of doc) chunks.push(chunk as Buffer);
  // A fresh copy owns its memory, so it can be handed over to the main thread without copying again.
  return new Uint8Array(Buffer.concat(chunks));
}

pdfFonts(); // parsed as the thread starts, before the first document asks for them

parentPort!.on("message", (message: { id: number; job: RenderJob }) => {
  render(message.job).then(
    (pdf) => parentPort!.postMessage({ id: message.id, pdf } satisfies RenderReply, [pdf.buffer]),
    (error: Error) => parentPort!.postMessage({ id: message.id, error: error.stack ?? error.message } satisfies RenderReply),
  );
});
