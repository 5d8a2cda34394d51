import fs from "node:fs";
import type { z } from "zod";
import { parseDraftInput } from "~/assistant/draft.schema";
import { draftScorecard } from "~/assistant/drafter.server";

// `npm run --silent draft -- FILE.json`: one Draft JSON object on stdout, or exit 2 with one line
// on stderr naming what is wrong with the input.

function fail(message: string): never {
  process.stderr.write(`draft: ${message}\n`);
  process.exit(2);
}

function describe(issue: z.core.$ZodIssue): string {
  const where = ["input", ...issue.path.map(String)].join(".");
  const got = "input" in issue ? JSON.stringify(issue.input) : undefined;
  if (issue.code === "invalid_value") {
    const noun = issue.path.includes("ratings") ? "level" : issue.path.at(-1) === "recommendation" ? "recommendation" : "value";
    return `${where}: unknown ${noun} ${got} (expected one of: ${issue.values.join(", ")})`;
  }
  if (issue.code === "unrecognized_keys") {
    const noun = issue.path.at(-1) === "ratings" ? "competency" : "field";
    return `${where}.${issue.keys[0]}: unknown ${noun} ${JSON.stringify(issue.keys[0])}`;
  }
  if (issue.code === "invalid_type") return `${where}: expected ${issue.expected}, got ${got === undefined ? "nothing" : got}`;
  return `${where}: ${issue.message}`;
}

const file = process.argv[2];
if (!file) fail("usage: npm run --silent draft -- FILE.json");
let raw: unknown;
try {
  raw = JSON.parse(fs.readFileSync(file, "utf8"));
} catch (error) {
  fail(`cannot read ${file}: ${(error as Error).message.split("\n")[0]}`);
}
const parsed = parseDraftInput(raw);
if (!parsed.success) fail(describe(parsed.error.issues[0]));
process.stdout.write(`${JSON.stringify(draftScorecard(parsed.data), null, 2)}\n`);
