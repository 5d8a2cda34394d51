import type { Readable } from "node:stream";
import { createReadableStreamFromReadable } from "@remix-run/node";

// A file an export produces: streamed (CSV, ZIP) or whole (PDF).
export type Download = { body: Readable | Uint8Array<ArrayBuffer>; type: string; fileName: string };

// Every export answers the same way: an attachment under its own name, never cached.
export function attachment({ body, type, fileName }: Download): Response {
  const headers = new Headers({
    "Content-Type": type,
    "Content-Disposition": `attachment; filename="${fileName}"`,
    "Cache-Control": "no-store",
  });
  if (body instanceof Uint8Array) {
    headers.set("Content-Length", String(body.byteLength));
    return new Response(body, { headers });
  }
  return new Response(createReadableStreamFromReadable(body), { headers });
}
