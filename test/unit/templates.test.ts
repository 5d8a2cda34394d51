import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { COMPETENCY_IDS, LEVEL_IDS, RED_FLAG_CATEGORIES } from "~/scorecards/rubric";
import {
  checkTemplates,
  loadKitFile,
  loadTemplates,
  parseKit,
  TemplateError,
  type Templates,
} from "~/scorecards/templates.server";

const FIXTURES = "test/unit/fixtures/templates/broken-kits";

function errorOf(run: () => unknown): TemplateError {
  try {
    run();
  } catch (error) {
    if (error instanceof TemplateError) return error;
    throw error;
  }
  throw new Error("expected a TemplateError");
}

describe("the real templates", () => {
  const templates: Templates = loadTemplates("templates");
  const cxm = templates.kitById("customer-experience-manager")!;

  it("describe every competency at every level, and every red-flag category", () => {
    for (const id of COMPETENCY_IDS) {
      for (const level of LEVEL_IDS) expect(templates.rubric.competencies[id].levels[level]).not.toBe("");
    }
    expect(Object.keys(templates.redFlags).sort()).toEqual([...RED_FLAG_CATEGORIES].sort());
    expect(templates.redFlags.overclaiming.title).toBe("Overclaiming contribution");
  });

  it("hold the Customer Experience Manager kit with all 16 seed questions, every field filled", () => {
    expect(cxm).toMatchObject({
      title: "Customer Experience Manager",
      version: 1,
      position: "Customer Experience Manager",
    });
    expect(cxm.questions).toHaveLength(16);
    for (const q of cxm.questions) {
      expect(q.prompt.trim(), q.id).not.toBe("");
      for (const list of [q.competencies, q.frameworks, q.lookFor, q.keyPoints, q.commonMistakes]) {
        expect(list.length, q.id).toBeGreaterThan(0);
        for (const item of list) expect(item.trim(), q.id).not.toBe("");
      }
      expect(q.timeBoxMinutes, q.id).toBeGreaterThan(0);
    }
    expect(cxm.questions.map((q) => q.prompt)).toContain(
      "Describe a situation where you had to deal with a difficult customer.",
    );
  });

  it("cover each of the 14 questions of seed 001 and the one of seed 003", () => {
    const fromSeed001 = cxm.questions
      .map((q) => /^seed 001 question (\d+)$/.exec(q.source ?? "")?.[1])
      .filter(Boolean)
      .map(Number)
      .sort((a, b) => a - b);
    expect(fromSeed001).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
    expect(cxm.questions.filter((q) => q.source === "seed 003")).toHaveLength(1);
  });

  it("mark what-would-you-do prompts situational and past-situation prompts behavioral", () => {
    for (const kit of templates.kits) {
      for (const q of kit.questions) {
        const asksWhatYouWouldDo = /\bhow would you\b/i.test(q.prompt);
        expect(q.kind, `${kit.id}/${q.id}`).toBe(asksWhatYouWouldDo ? "situational" : "behavioral");
        if (q.kind === "behavioral") expect(q.prompt, `${kit.id}/${q.id}`).toMatch(/\b(a time|a situation|did you)\b/i);
      }
    }
    const kinds = new Set(cxm.questions.map((q) => q.kind));
    expect(kinds).toEqual(new Set(["behavioral", "situational"]));
  });

  it("include a short generic behavioral kit for any role", () => {
    const generic = templates.kitById("generic-behavioral")!;
    expect(generic.position).toBeNull();
    expect(generic.questions.length).toBeGreaterThanOrEqual(5);
    expect(generic.questions.length).toBeLessThanOrEqual(6);
    expect(generic.questions.every((q) => q.kind === "behavioral")).toBe(true);
    expect(templates.kitById("no-such-kit")).toBeUndefined();
  });
});

describe("a broken kit file", () => {
  it.each([
    [
      "bad-yaml.yaml",
      "line 7, column 1: invalid YAML: Flow map in block collection must be sufficiently indented and end with a }",
    ],
    [
      "unknown-competency.yaml",
      `questions[0].competencies[1]: unknown competency id "leadershp" (expected one of: ${COMPETENCY_IDS.join(", ")})`,
    ],
    ["missing-field.yaml", "questions[1].commonMistakes: required field is missing"],
    ["duplicate-question-id.yaml", 'questions[1].id: duplicate question id "led-a-project" (also questions[0].id)'],
    ["key-points-not-a-list.yaml", "questions[0].keyPoints: expected a list of strings"],
  ])("%s fails with one line naming the file and the spot", (name, problem) => {
    const error = errorOf(() => loadKitFile(path.join(FIXTURES, name)));
    expect(error.message).toBe(`${FIXTURES}/${name}: ${problem}`);
    expect(error.message).not.toContain("\n");
  });

  it("parseKit names the given source for a kit that came from elsewhere", () => {
    const kit = loadKitFile("templates/kits/generic-behavioral.yaml");
    const edited = { ...kit, questions: [{ ...kit.questions[0], timeBoxMinutes: "six" }, ...kit.questions.slice(1)] };
    expect(errorOf(() => parseKit(edited, "kit draft 42")).message).toBe(
      'kit draft 42: questions[0].timeBoxMinutes: expected a number, got string "six"',
    );
    expect(errorOf(() => parseKit({ ...kit, colour: "red" }, "kit draft 42")).message).toBe(
      'kit draft 42: (top level): unexpected key "colour"',
    );
  });
});

describe("a broken templates folder", () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function copyOfTemplates() {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "panel-templates-"));
    fs.cpSync("templates", dir, { recursive: true });
    return dir;
  }

  it("stops loading at a rubric that lacks a level", () => {
    const rubric = path.join(copyOfTemplates(), "rubric.yaml");
    const text = fs.readFileSync(rubric, "utf8");
    fs.writeFileSync(rubric, text.replace(/^ {6}meets-plus: Delivers under pressure.*\n/m, ""));
    expect(errorOf(() => loadTemplates(dir)).message).toBe(
      `${rubric}: competencies.execution.levels.meets-plus: required field is missing`,
    );
  });

  it("stops loading at a taxonomy with an unknown category", () => {
    const redFlags = path.join(copyOfTemplates(), "red-flags.yaml");
    fs.appendFileSync(redFlags, "name-dropping:\n  title: x\n  meaning: x\n  evidence: x\n  suggestion: x\n");
    expect(errorOf(() => loadTemplates(dir)).message).toBe(`${redFlags}: (top level): unexpected key "name-dropping"`);
  });

  it("reports each file's state, including a kit id used by two files", () => {
    const kits = path.join(copyOfTemplates(), "kits");
    fs.copyFileSync(path.join(kits, "generic-behavioral.yaml"), path.join(kits, "generic-copy.yaml"));
    fs.copyFileSync(path.join(FIXTURES, "missing-field.yaml"), path.join(kits, "missing-field.yaml"));

    expect(checkTemplates(dir)).toEqual([
      { file: `${dir}/rubric.yaml`, ok: true },
      { file: `${dir}/red-flags.yaml`, ok: true },
      { file: `${kits}/customer-experience-manager.yaml`, ok: true },
      { file: `${kits}/generic-behavioral.yaml`, ok: true },
      {
        file: `${kits}/generic-copy.yaml`,
        ok: false,
        error: `${kits}/generic-copy.yaml: id: duplicate kit id "generic-behavioral" (also in ${kits}/generic-behavioral.yaml)`,
      },
      {
        file: `${kits}/missing-field.yaml`,
        ok: false,
        error: `${kits}/missing-field.yaml: questions[1].commonMistakes: required field is missing`,
      },
    ]);
    expect(() => loadTemplates(dir)).toThrow(TemplateError);
  });

  it("names a missing rubric file", () => {
    fs.rmSync(path.join(copyOfTemplates(), "rubric.yaml"));
    expect(errorOf(() => loadTemplates(dir)).message).toBe(`${dir}/rubric.yaml: (file): missing`);
  });
});
