import { parentPort } from "node:worker_threads";
import { pdfFonts } from "~/ui/fonts.server";
import { renderJob } from "./render-job.server";
import type { RenderJob, RenderReply } from "./render-pool.server";

// The PDF renderer's thread: pdfkit lays out a whole document synchronously, which would stall
// every other request for as long as it takes if it ran on the server's event loop.

pdfFonts(); // parsed as the thread starts, before the first document asks for them

parentPort!.on("message", (message: { id: number; job: RenderJob }) => {
  renderJob(message.job).then(
    (pdf) => parentPort!.postMessage({ id: message.id, pdf } satisfies RenderReply, [pdf.buffer]),
    (error: Error) =>
      parentPort!.postMessage({ id: message.id, error: error.stack ?? error.message } satisfies RenderReply),
  );
});
