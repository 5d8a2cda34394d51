import { describe, expect, it } from "vitest";
import { draftScorecard } from "~/assistant/drafter.server";
import { RED_FLAG_CATEGORIES } from "~/scorecards/rubric";
import { loadSplit } from "./corpus";
import floor from "./test-split-floor.json";
import { THRESHOLDS, evaluate, percent, type DraftedCase, type LabelledCase } from "./evaluate";

// The labelled corpus (format and checks: cases/README.md). The drafter is tuned on the dev
// split and only measured on the test split: scores there say how the drafter does on answers
// nobody fitted it to. `npm run assistant:eval` prints both splits against the thresholds.

const dev = loadSplit("dev");
const test = loadSplit("test");
const drafted: DraftedCase[] = test.map((c) => ({ ...c, draft: draftScorecard(c.input) }));
const result = evaluate(drafted);

const answers = (cases: LabelledCase[]) => new Set(cases.flatMap((c) => c.input.questions.map((q) => q.answer.trim())));

describe("assistant corpus: the splits", () => {
  it("has a test split large and varied enough to show generalisation", () => {
    expect(test.length, "test cases").toBeGreaterThanOrEqual(110);
    const unlabelled = test.filter((c) => !c.meta).map((c) => c.name);
    expect(unlabelled, "test cases without meta").toEqual([]);
    expect(new Set(test.map((c) => c.meta!.occupation)).size, "occupations").toBeGreaterThanOrEqual(10);
    for (const category of RED_FLAG_CATEGORIES) {
      expect(
        test.filter((c) => c.expect.flags.includes(category)).length,
        `test cases flagged ${category}`,
      ).toBeGreaterThanOrEqual(6);
    }
    expect(test.filter((c) => c.expect.clean).length / test.length, "share of clean test cases").toBeGreaterThanOrEqual(
      0.25,
    );
  });

  it("shares no answer between the dev and the test split", () => {
    const devAnswers = answers(dev);
    const leaked = test
      .filter((c) => c.input.questions.some((q) => devAnswers.has(q.answer.trim())))
      .map((c) => c.name);
    expect(leaked, "test cases whose answer is also in dev").toEqual([]);
  });
});

// The dev split is where the drafter is tuned: it must meet the thresholds there.
describe("assistant corpus: thresholds on the dev split", () => {
  const onDev = evaluate(dev.map((c) => ({ ...c, draft: draftScorecard(c.input) })));

  it.each(onDev.categories.map((c) => [c.category, c] as const))("%s: recall and precision", (_, c) => {
    expect(c.recall ?? 1, `${c.category} recall; missed: ${c.missed.join(", ")}`).toBeGreaterThanOrEqual(
      THRESHOLDS.recall,
    );
    expect(
      c.precision ?? 1,
      `${c.category} precision; raised ★≥3 on: ${c.falselyRaised.join(", ")}`,
    ).toBeGreaterThanOrEqual(THRESHOLDS.precision);
  });

  it("raises no bias false alarm and invents no figure", () => {
    expect(onDev.bias.falseAlarms).toEqual([]);
    expect(onDev.inventedFigures).toEqual([]);
  });
});

// The test split is only measured. The thresholds (THRESHOLDS) are not met there yet, so
// this holds the line instead: no score may fall below the last measured one in
// test-split-floor.json. Raise the floor when the drafter improves; never lower it to pass.
describe("assistant corpus: the test split does not regress", () => {
  it.each(result.categories.map((c) => [c.category, c] as const))("%s: recall and precision", (_, c) => {
    const min = floor.categories[c.category];
    expect(
      c.recall ?? 1,
      `${c.category} recall ${percent(c.recall)} (target ${percent(THRESHOLDS.recall)})`,
    ).toBeGreaterThanOrEqual(min.recall);
    expect(
      c.precision ?? 1,
      `${c.category} precision ${percent(c.precision)} (target ${percent(THRESHOLDS.precision)})`,
    ).toBeGreaterThanOrEqual(min.precision);
  });

  it("invents no figure", () => {
    expect(result.inventedFigures).toEqual([]);
  });

  it("raises no more bias false alarms, and finds no fewer, than before", () => {
    expect(result.bias.falseAlarms.length, result.bias.falseAlarms.join("\n")).toBeLessThanOrEqual(
      floor.biasFalseAlarms,
    );
    expect(result.bias.recall ?? 1).toBeGreaterThanOrEqual(floor.biasRecall);
  });

  it.each(result.checks.filter((c) => c.enforced).map((c) => [c.label, c] as const))("%s", (_, c) => {
    expect(c.failures.length, c.failures.join("\n")).toBeLessThanOrEqual(
      (floor.checkFailures as Record<string, number>)[c.id] ?? 0,
    );
  });
});
