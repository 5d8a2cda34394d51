import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { draftSchema } from "~/assistant/draft.schema";
import { CHILD_TEST_TIMEOUT_MS, runChild } from "../helpers/run";

// The contract other tools rely on: `npm run --silent draft -- FILE.json`.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "draft-cli-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function draft(input: unknown | string) {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(file, typeof input === "string" ? input : JSON.stringify(input));
  const env = { ...process.env, ASSISTANT_PROVIDER: "built-in" };
  const run = await runChild("npm", ["run", "--silent", "draft", "--", file], { cwd: process.cwd(), env });
  // npm itself may warn about the machine's config; only the script's own lines count.
  const stderr = run.stderr.split("\n").filter((line) => line !== "" && !line.startsWith("npm warn"));
  return { status: run.code, stdout: run.stdout, stderr };
}

const single = {
  question: "Tell me about a time you dealt with a difficult customer.",
  answer:
    "I called the customer the same day, agreed a fix list and sent weekly updates. Tickets fell from 14 to 3. I learned to ask for examples early.",
  notes: "Specific and reflective.",
  ratings: { communication: "strong", ownership: "meets" },
  recommendation: "hire",
};

describe("npm run draft", () => {
  it(
    "prints exactly one Draft JSON object for the single-question form",
    async () => {
      const run = await draft(single);
      expect(run.status).toBe(0);
      expect(run.stderr).toEqual(["draft: drafted by the built-in drafter (ASSISTANT_PROVIDER=built-in)"]);
      expect(draftSchema.parse(JSON.parse(run.stdout)).followUps.length).toBeGreaterThanOrEqual(3);
    },
    CHILD_TEST_TIMEOUT_MS,
  );

  it(
    "accepts the multi-question form and quotes evidence from the right answer",
    async () => {
      const run = await draft({
        questions: [
          { question: single.question, answer: single.answer, notes: "" },
          {
            question: "Tell me about a release that went wrong.",
            answer: "It was not my fault. QA never tested it and the PM pushed the date.",
            notes: "",
          },
        ],
        ratings: {},
        recommendation: "no-hire",
      });
      expect(run.status).toBe(0);
      const blame = draftSchema.parse(JSON.parse(run.stdout)).redFlags.find((f) => f.category === "blame-shifting");
      expect(blame?.evidence).toContain("It was not my fault.");
    },
    CHILD_TEST_TIMEOUT_MS,
  );

  it.each([
    [{ ...single, ratings: { ownership: "great" } }, /^draft: input\.ratings\.ownership: unknown level "great"/],
    [{ ...single, ratings: { honesty: "strong" } }, /^draft: input\.ratings\.honesty: unknown competency "honesty"$/],
    [{ ...single, recommendation: "maybe" }, /^draft: input\.recommendation: unknown recommendation "maybe"/],
    [{ ...single, answer: undefined }, /^draft: input\.answer: expected string/],
    [
      { questions: [{ question: "q", notes: "" }], ratings: {} },
      /^draft: input\.questions\.0\.answer: expected string/,
    ],
    ["{ not json", /^draft: cannot read .*\.json: /],
  ])(
    "exits 2 with one line naming the problem (%#)",
    async (input, message) => {
      const run = await draft(input);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toHaveLength(1);
      expect(run.stderr[0]).toMatch(message);
    },
    CHILD_TEST_TIMEOUT_MS,
  );

  it(
    "exits 2 for a file that does not exist",
    async () => {
      const run = await runChild("npm", ["run", "--silent", "draft", "--", path.join(dir, "missing.json")]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/draft: cannot read .*missing\.json: ENOENT/);
    },
    CHILD_TEST_TIMEOUT_MS,
  );
});
