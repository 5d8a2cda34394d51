import { renderPacketPdf } from "~/packets/packet-pdf.server";
import { renderReportPdf } from "~/reports/report-pdf.server";
import type { Pdf, RenderJob } from "./render-pool.server";

// One PDF, whole, as bytes the caller owns (the worker hands them over without copying).
export async function renderJob(job: RenderJob): Promise<Pdf> {
  const doc = job.kind === "packet" ? renderPacketPdf(job.input) : renderReportPdf(job.input);
  const chunks: Buffer[] = [];
  for await (const chunk of doc) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}
