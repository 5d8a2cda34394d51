import fs from "node:fs";
import os from "node:os";
import { finished } from "node:stream/promises";
import { parseArgs } from "node:util";
import { withDatabase, exitWith } from "./cli";
import { findCandidateIdsByEmail, listPacketCandidates } from "../db/queries/packets";
import { appendAudit } from "../db/queries/audit";
import { buildPacket } from "../app/packets/packet.server";
import { renderPacketPdf } from "../app/packets/packet-pdf.server";

// `npm run --silent packet -- --list`: one JSON line per candidate.
// `npm run --silent packet -- --candidate ID_OR_EMAIL --out FILE.pdf`: that candidate's packet.
// Unknown candidates and bad arguments exit 2 with one line on stderr.

const USAGE = "usage: npm run --silent packet -- --list | --candidate ID_OR_EMAIL --out FILE.pdf";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

let args: { list?: boolean; candidate?: string; out?: string };
try {
  args = parseArgs({
    options: { list: { type: "boolean" }, candidate: { type: "string" }, out: { type: "string" } },
  }).values;
} catch (error) {
  exitWith(`packet: ${(error as Error).message} (${USAGE})`);
}
if (!args.list && !(args.candidate && args.out)) exitWith(`packet: ${USAGE}`);

// Resolves to the line to exit 2 with, so the database is closed before the process ends.
async function run(): Promise<string | null> {
  return withDatabase(async ({ db }) => {
    if (args.list) {
      for (const row of await listPacketCandidates(db)) process.stdout.write(`${JSON.stringify(row)}\n`);
      return null;
    }
    const wanted = args.candidate!;
    const ids = UUID.test(wanted) ? [wanted] : await findCandidateIdsByEmail(db, wanted);
    if (ids.length > 1) return `packet: ${wanted} applied more than once; pass one of these ids: ${ids.join(", ")}`;
    const packet = ids.length ? await buildPacket(db, ids[0], null) : null;
    if (!packet) return `packet: no candidate with id or email "${wanted}" (list them with --list)`;
    const out = fs.createWriteStream(args.out!);
    renderPacketPdf(packet).pipe(out);
    await finished(out);
    // Whoever runs the command line operates the database; the log still says a packet left it.
    await appendAudit(db, {
      actorId: null,
      action: "packet.export-cli",
      subjectType: "candidate",
      subjectId: ids[0],
      details: { out: args.out },
      client: { address: null, userAgent: `panel-cli (${os.userInfo().username}@${os.hostname()})` },
    });
    return null;
  });
}

run().then(
  (problem) => {
    if (problem) exitWith(problem);
  },
  (error: Error) => exitWith(`packet: ${error.message}`, 1),
);
