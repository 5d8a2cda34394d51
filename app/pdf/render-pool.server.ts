import { Worker } from "node:worker_threads";
import { type Packet } from "~/packets/packet";
import type { ReportPdfInput } from "~/reports/report-pdf.server";

// One worker thread renders every PDF (packets, reports) in turn, started on first use or by
// warmPdfRenderer(). It runs build/pdf-render-worker.js, which `npm run build` compiles beside
// the server from render-worker.ts.

export type RenderJob = { kind: "packet"; input: Packet } | { kind: "report"; input: ReportPdfInput };
export type RenderReply = { id: number; pdf?: Pdf; error?: string };
// The document's bytes, owned by this thread once handed over.
export type Pdf = Uint8Array<ArrayBuffer>;

type Pending = { resolve: (pdf: Pdf) => void; reject: (error: Error) => void };

// On globalThis, like the database: the server entry (which warms it) and the Remix bundle are
// separate module copies, and there must be one thread, not one each.
type Renderer = { worker: Worker | null; nextId: number; pending: Map<number, Pending> };
const renderer: Renderer = ((globalThis as { __panelPdfRenderer?: Renderer }).__panelPdfRenderer ??= {
  worker: null,
  nextId: 1,
  pending: new Map(),
});
const { pending } = renderer;

const fromSource = /\.tsx?$/.test(new URL(import.meta.url).pathname);

function startWorker(): Worker {
  return new Worker(new URL("./pdf-render-worker.js", import.meta.url));
}

// From the source tree (tsx scripts, Vitest) there is no server loop to keep free and no compiled
// thread entry: render right here. The path is a value so that bundlers leave it alone: the
// server bundle must not load pdfkit on the main thread at all.
const IN_PROCESS = "./render-job.server.ts";
async function renderHere(job: RenderJob): Promise<Pdf> {
  const { renderJob } = (await import(/* @vite-ignore */ IN_PROCESS)) as typeof import("./render-job.server");
  return renderJob(job);
}

function failAll(error: Error) {
  for (const p of pending.values()) p.reject(error);
  pending.clear();
}

function started(): Worker {
  if (renderer.worker) return renderer.worker;
  const thread = startWorker();
  thread.on("message", (reply: RenderReply) => {
    const p = pending.get(reply.id);
    if (!p) return;
    pending.delete(reply.id);
    if (pending.size === 0) thread.unref();
    if (reply.pdf) p.resolve(reply.pdf);
    else p.reject(new Error(`PDF rendering failed: ${reply.error}`));
  });
  // A crashed thread takes its jobs with it; the next job starts a new one.
  const lost = (error: Error) => {
    if (renderer.worker === thread) renderer.worker = null;
    failAll(error);
  };
  thread.on("error", lost);
  thread.on("exit", (code) => lost(new Error(`The PDF renderer stopped (exit code ${code})`)));
  // An idle renderer must not keep a finished process (a test, a CLI command) alive; a busy one must.
  thread.unref();
  renderer.worker = thread;
  return thread;
}

export function renderPdf(job: RenderJob): Promise<Pdf> {
  if (fromSource) return renderHere(job);
  const thread = started();
  const id = renderer.nextId++;
  return new Promise<Pdf>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    thread.ref();
    thread.postMessage({ id, job });
  });
}

// Starts the thread (and its font parsing) ahead of the first download.
export function warmPdfRenderer(): void {
  if (!fromSource) started();
}

export async function stopPdfRenderer(): Promise<void> {
  const thread = renderer.worker;
  renderer.worker = null;
  await thread?.terminate();
}
