import fs from "node:fs";
import { pipeline } from "node:stream/promises";
import { parseArgs } from "node:util";
import { withDatabase, exitWith } from "./cli";
import { reportCsv } from "../app/reports/export.server";
import { renderReportPdf } from "../app/reports/report-pdf.server";
import { reportPdfInput } from "../app/reports/report-pdf-data.server";
import {
  countRows,
  describeFilters,
  parseReportQuery,
  recordExport,
  reportOptions,
} from "../app/reports/reports.server";

// `npm run --silent export -- --format csv|pdf [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--position ID_OR_TITLE] [--bom]
// [--out FILE]` The report's CSV or PDF with the same filters as the page; stdout when there is no --out. Bad arguments
// and unknown filter values exit 2 with one line on stderr. Audited like any export.

const USAGE =
  "usage: npm run --silent export -- --format csv|pdf [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--position ID_OR_TITLE] [--bom] [--out FILE]";

let args: { format?: string; from?: string; to?: string; position?: string; out?: string; bom?: boolean };
try {
  args = parseArgs({
    options: {
      format: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      position: { type: "string" },
      out: { type: "string" },
      bom: { type: "boolean" },
    },
  }).values;
} catch (error) {
  exitWith(`export: ${(error as Error).message} (${USAGE})`);
}
if (args.format !== "csv" && args.format !== "pdf") exitWith(`export: --format must be csv or pdf (${USAGE})`);
const format = args.format;

// Resolves to the line to exit 2 with, so the database is closed before the process ends.
async function run(): Promise<string | null> {
  return withDatabase(async ({ db }) => {
    const options = await reportOptions(db);
    // A position may be named by its title as well as its id.
    const wanted = args.position?.trim().toLowerCase();
    const byTitle = wanted ? options.positions.filter((p) => p.title.toLowerCase() === wanted) : [];
    if (byTitle.length > 1)
      return `export: more than one position is called "${args.position}"; pass its id: ${byTitle.map((p) => p.id).join(", ")}`;
    const query = new URLSearchParams();
    if (args.from) query.set("from", args.from);
    if (args.to) query.set("to", args.to);
    if (args.position) query.set("position", byTitle[0]?.id ?? args.position);
    const parsed = parseReportQuery(query, options);
    if (!parsed.ok) return `export: ${Object.values(parsed.errors).join("; ")}`;

    const now = new Date();
    const filters = parsed.filters;
    const out = args.out ? fs.createWriteStream(args.out) : process.stdout;
    if (format === "csv") {
      await recordExport(db, null, {
        format,
        filters: describeFilters(filters),
        rows: await countRows(db, filters, null, now), // the operator reads every scorecard
        via: "cli",
      });
      await pipeline(reportCsv(db, filters, now, { bom: args.bom, viewerId: null }), out);
    } else {
      const input = await reportPdfInput(db, filters, options, null, now);
      await recordExport(db, null, { format, filters: describeFilters(filters), rows: input.totalRows, via: "cli" });
      await pipeline(renderReportPdf(input), out);
    }
    return null;
  });
}

run().then(
  (problem) => {
    if (problem) exitWith(problem);
  },
  (error: Error) => exitWith(`export: ${error.message}`, 1),
);
