import crypto from "node:crypto";
import { renderPdf, type Pdf } from "~/pdf/render-pool.server";
import { type Packet } from "./packet";

// Packet PDFs by content: the key is a hash of everything the PDF is drawn from except the time
// it was generated, so any change to a scorecard, a decision, the panel or the viewer's scope
// (someone who may see less gets a different packet) is a different key, and an unchanged packet
// is downloaded again without rendering. A hit carries the "Generated" time of its first render:
// the moment that content was printed. Bounded by bytes, least recently used out first.

const MAX_BYTES = 64 * 1024 * 1024;
const cache = new Map<string, Pdf>();
const rendering = new Map<string, Promise<Pdf>>();
let bytes = 0;

export function packetContentKey(packet: Packet): string {
  return crypto
    .createHash("sha256")
    .update(JSON.stringify({ ...packet, generatedAt: null }))
    .digest("base64url");
}

function remember(key: string, pdf: Pdf) {
  cache.set(key, pdf);
  bytes += pdf.byteLength;
  for (const [oldest, old] of cache) {
    if (bytes <= MAX_BYTES) break;
    cache.delete(oldest);
    bytes -= old.byteLength;
  }
}

export async function packetPdf(packet: Packet): Promise<Pdf> {
  const key = packetContentKey(packet);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key); // re-inserted: most recently used last
    cache.set(key, hit);
    return hit;
  }
  // Two downloads of one packet at once share one render.
  let job = rendering.get(key);
  if (!job) {
    job = renderPdf({ kind: "packet", input: packet }).then((pdf) => (remember(key, pdf), pdf));
    rendering.set(key, job);
    void job.finally(() => rendering.delete(key)).catch(() => {});
  }
  return job;
}
