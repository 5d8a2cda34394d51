import fs from "node:fs";
import type { z } from "zod";
import { parseDraftInput } from "~/assistant/draft.schema";
import { draftScorecard } from "~/assistant/drafter.server";
import { draftWithAssistant } from "~/assistant/provider.server";
import { ConfigError, parseEnv } from "~/env.server";

// `npm run --silent draft -- FILE.json`: one Draft JSON object on stdout and one line on stderr
// saying which drafter answered and why, or exit 2 with one line naming what is wrong.

function fail(message: string): never {
  process.stderr.write(`draft: ${message}\n`);
  process.exit(2);
}

function describe(issue: z.core.$ZodIssue): string {
  const where = ["input", ...issue.path.map(String)].join(".");
  const got = "input" in issue ? JSON.stringify(issue.input) : undefined;
  if (issue.code === "invalid_value") {
    const noun = issue.path.includes("ratings")
      ? "level"
      : issue.path.at(-1) === "recommendation"
        ? "recommendation"
        : "value";
    return `${where}: unknown ${noun} ${got} (expected one of: ${issue.values.join(", ")})`;
  }
  if (issue.code === "unrecognized_keys") {
    const noun = issue.path.at(-1) === "ratings" ? "competency" : "field";
    return `${where}.${issue.keys[0]}: unknown ${noun} ${JSON.stringify(issue.keys[0])}`;
  }
  if (issue.code === "invalid_type")
    return `${where}: expected ${issue.expected}, got ${got === undefined ? "nothing" : got}`;
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
let settings;
try {
  settings = parseEnv();
} catch (error) {
  fail(error instanceof ConfigError ? error.message : String(error));
}
// One draft per process: no worker thread to start; the model, if any, is asked alongside.
const result = await draftWithAssistant(parsed.data, settings, async (input) => draftScorecard(input));
process.stderr.write(
  result.source === "model"
    ? `draft: drafted by the model server ${settings.ASSISTANT_MODEL} (ASSISTANT_PROVIDER=openai-compatible)\n`
    : result.fallbackReason
      ? `draft: drafted by the built-in drafter because ${result.fallbackReason}\n`
      : "draft: drafted by the built-in drafter (ASSISTANT_PROVIDER=built-in)\n",
);
process.stdout.write(`${JSON.stringify(result.draft, null, 2)}\n`);
