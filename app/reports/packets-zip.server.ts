import { once } from "node:events";
import type { Archiver } from "archiver";
import { getDb } from "~db/index.server";
import type { Conn } from "~db/schema";
import type { PacketViewer } from "~db/queries/packets";
import type { SessionUser } from "~/auth/guard.server";
import { packetPdf } from "~/packets/packet-pdf-cache.server";
import { buildPacket, packetFileName, packetViewer } from "~/packets/packet.server";
import type { Download } from "./download.server";
import { exportFileName, recordExport, startPacketsExport } from "./reports.server";

// The ZIP download of the candidates chosen in the report table.
export async function packetsZipFile(user: SessionUser, candidates: string[], now: Date): Promise<Download> {
  const db = getDb();
  const candidateIds = await startPacketsExport(db, user.id, candidates, now);
  await recordExport(db, user.id, { format: "zip", filters: { candidates: candidateIds }, rows: candidateIds.length });
  return {
    body: await packetsZip(db, candidateIds, packetViewer(user), now),
    type: "application/zip",
    fileName: exportFileName(now, "zip"),
  };
}

// The chosen candidates' committee packets as one ZIP, streamed with archiver. One packet is
// built and rendered at a time and the next waits until the previous entry has gone out, so
// memory holds one PDF however many candidates are chosen (and a slow reader slows the work).
// archiver (and its compression stack) is loaded on the first ZIP, not when the server starts.
export async function packetsZip(
  db: Conn,
  candidateIds: readonly string[],
  viewer: PacketViewer,
  now: Date,
): Promise<Archiver> {
  const { default: archiver } = await import("archiver");
  const zip = archiver("zip", { zlib: { level: 1 } }); // PDF streams are already deflated
  const names = new Set<string>();
  (async () => {
    for (const id of candidateIds) {
      const packet = await buildPacket(db, id, viewer, now);
      if (!packet) continue;
      const written = Promise.race([once(zip, "entry"), once(zip, "close")]);
      const pdf = await packetPdf(packet);
      zip.append(Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength), {
        name: uniqueName(packetFileName(packet), names),
        date: now,
      });
      await written;
      if (zip.destroyed) return;
    }
    await zip.finalize();
  })().catch((error: Error) => zip.destroy(error));
  return zip;
}

// Two candidates with one name get packet-ana-lima.pdf and packet-ana-lima-2.pdf.
function uniqueName(name: string, taken: Set<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = name.replace(/\.pdf$/, `-${n}.pdf`);
  taken.add(candidate);
  return candidate;
}
