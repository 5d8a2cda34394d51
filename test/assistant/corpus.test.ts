import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseDraftInput, type Draft } from "~/assistant/draft.schema";
import { draftScorecard } from "~/assistant/drafter.server";
import { inventedFigures } from "~/assistant/figures";
import { inputText } from "~/assistant/provider.server";
import { RED_FLAG_CATEGORIES, type RedFlagCategory } from "~/scorecards/rubric";
import { BIAS_TOPICS } from "~/scorecards/scorecard.schema";

// The labelled corpus. Labels:
//   flags     categories that must be raised (any severity) — recall counts these;
//   notFlags  categories that must not be raised at severity ≥ 3 (a mild 1–2 is allowed: the
//             drafter may mention a weak signal without accusing);
//   bias      bias topics that must be warned about; any other topic is a false alarm;
//   clean     the answer is good: no flag at all of severity ≥ 3.

const dir = path.join(import.meta.dirname, "cases", "dev");
const cases = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".json"))
  .sort()
  .map((file) => {
    const raw = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    const input = parseDraftInput(raw.input);
    if (!input.success) throw new Error(`${file}: ${input.error.issues[0].path.join(".")}: ${input.error.issues[0].message}`);
    const expect = raw.expect as { flags: RedFlagCategory[]; notFlags: RedFlagCategory[]; bias: string[]; clean: boolean };
    return { name: file.replace(/\.json$/, ""), input: input.data, expect };
  });

const results = cases.map((c) => ({ ...c, draft: draftScorecard(c.input) as Draft }));

function percent(n: number, d: number) {
  return d === 0 ? "—" : `${Math.round((100 * n) / d)}%`;
}

describe("assistant corpus", () => {
  it("has at least 30 cases and several positives per category", () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
    for (const category of RED_FLAG_CATEGORIES) {
      expect(cases.filter((c) => c.expect.flags.includes(category)).length, category).toBeGreaterThanOrEqual(3);
    }
  });

  it("meets the thresholds", () => {
    const rows = RED_FLAG_CATEGORIES.map((category) => {
      const positives = results.filter((r) => r.expect.flags.includes(category));
      const raised = results.filter((r) => r.draft.redFlags.some((f) => f.category === category));
      const truePositives = positives.filter((r) => raised.includes(r));
      return {
        category,
        cases: positives.length,
        recall: positives.length === 0 ? 1 : truePositives.length / positives.length,
        shown: { recall: percent(truePositives.length, positives.length), precision: percent(truePositives.length, raised.length) },
        missed: positives.filter((r) => !raised.includes(r)).map((r) => r.name),
      };
    });
    const falseSevere = results.flatMap((r) =>
      r.draft.redFlags
        .filter((f) => f.severity >= 3 && (r.expect.clean || r.expect.notFlags.includes(f.category)))
        .map((f) => `${r.name}: ${f.category} ★${f.severity}`),
    );
    const clean = results.filter((r) => r.expect.clean);
    const biasExpected = results.flatMap((r) => r.expect.bias.map((topic) => ({ r, topic })));
    const biasFound = biasExpected.filter(({ r, topic }) => r.draft.biasWarnings.some((w) => w.topic === topic));
    const biasFalse = results.flatMap((r) =>
      r.draft.biasWarnings.filter((w) => !r.expect.bias.includes(w.topic)).map((w) => `${r.name}: ${w.topic} on "${w.excerpt}"`),
    );
    const invented = results.flatMap((r) => inventedFigures(r.draft.summary, inputText(r.input)).map((f) => `${r.name}: ${f}`));
    const badSummaries = results
      .map((r) => ({ name: r.name, words: r.draft.summary.split(/\s+/).filter(Boolean).length }))
      .filter((s) => s.words < 40 || s.words > 250);
    const fewFollowUps = results.filter((r) => r.draft.followUps.length < 3 || r.draft.followUps.some((q) => !q.endsWith("?")));

    console.log(
      [
        "category              cases  recall  precision",
        ...rows.map((row) => `${row.category.padEnd(22)}${String(row.cases).padStart(5)}  ${row.shown.recall.padStart(6)}  ${row.shown.precision.padStart(9)}`),
        `false flags ★≥3 on ${clean.length} clean cases: ${falseSevere.filter((f) => clean.some((c) => f.startsWith(`${c.name}:`))).length} (all cases: ${falseSevere.length})`,
        `bias recall: ${percent(biasFound.length, biasExpected.length)} (${biasFound.length}/${biasExpected.length}), false alarms: ${biasFalse.length}`,
        `invented figures: ${invented.length}`,
        ...rows.filter((r) => r.missed.length > 0).map((r) => `missed ${r.category}: ${r.missed.join(", ")}`),
        ...falseSevere.map((f) => `false ★≥3: ${f}`),
        ...biasFalse.map((f) => `bias false alarm: ${f}`),
        ...biasExpected.filter((b) => !biasFound.includes(b)).map(({ r, topic }) => `bias missed: ${r.name}: ${topic}`),
      ].join("\n"),
    );

    for (const row of rows) if (row.cases > 0) expect(row.recall, `${row.category} recall (missed: ${row.missed.join(", ")})`).toBeGreaterThanOrEqual(0.9);
    expect(falseSevere).toEqual([]);
    expect(biasFalse).toEqual([]);
    expect(biasFound.length).toBe(biasExpected.length);
    expect(invented).toEqual([]);
    expect(badSummaries).toEqual([]);
    expect(fewFollowUps.map((r) => r.name)).toEqual([]);
    expect(BIAS_TOPICS).toContain("other");
  });
});
