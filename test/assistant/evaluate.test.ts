import { describe, expect, it } from "vitest";
import type { Draft } from "~/assistant/draft.schema";
import { CorpusError, parseCase } from "./corpus";
import { evaluate, fillerIn, marksReflection, type DraftedCase } from "./evaluate";

// The scoring itself: a wrong rule here would make every figure in the eval table wrong.

const input = {
  question: "Tell me about a time you fixed a queue.",
  answer: "In May I cut the queue from 40 to 12 minutes.",
  notes: "",
  ratings: { ownership: "below" },
};
const labels = { flags: ["unquantified-impact"], notFlags: ["overclaiming"], bias: [], clean: false };
const caseText = (patch: object = {}) =>
  JSON.stringify({
    meta: { occupation: "retail", kind: "behavioral", shape: "standard" },
    input,
    expect: labels,
    ...patch,
  });

const draft = (patch: Partial<Draft> = {}): Draft => ({
  summary: "The candidate cut the queue from 40 to 12 minutes in May.",
  strengths: ["Measured the queue before and after."],
  improvements: ["Say what the team did."],
  redFlags: [],
  followUps: ["You said you cut the queue in May — how did you measure it?"],
  biasWarnings: [],
  ...patch,
});

function drafted(patch: Partial<Draft>, expect: object = {}): DraftedCase {
  const c = parseCase("x.json", caseText({ expect: { ...labels, ...expect } }));
  return { ...c, draft: draft(patch) };
}

const flag = (category: string, severity: number) =>
  ({ category, severity, justification: "", evidence: [], suggestion: "" }) as Draft["redFlags"][number];
const failures = (r: DraftedCase, id: string) => evaluate([r]).checks.find((c) => c.id === id)!.failures;

describe("reading a case", () => {
  it("names the file and the field of a case that does not parse", () => {
    expect(() => parseCase("test/a.json", caseText({ input: { ...input, ratings: { ownership: "great" } } }))).toThrow(
      new CorpusError(
        'test/a.json: input.ratings.ownership: Invalid option: expected one of "strong-no"|"below"|"meets"|"meets-plus"|"strong"|"not-assessed"',
      ),
    );
    expect(() => parseCase("test/b.json", caseText({ expect: { ...labels, flags: ["rambling"] } }))).toThrow(
      /^test\/b\.json: expect\.flags\.0: /,
    );
    expect(() => parseCase("test/c.json", "{ nope")).toThrow(/^test\/c\.json: not JSON/);
    expect(() =>
      parseCase("test/d.json", caseText({ expect: { ...labels, summary: { mustInclude: ["41 minutes"] } } })),
    ).toThrow('test/d.json: expect.summary.mustInclude: "41 minutes" is not verbatim in the input');
  });
});

describe("scores", () => {
  it("counts a mild flag for recall but only severity ≥ 3 against precision", () => {
    const hit = evaluate([drafted({ redFlags: [flag("unquantified-impact", 2), flag("overclaiming", 2)] })]);
    expect(hit.categories.find((c) => c.category === "unquantified-impact")).toMatchObject({ recall: 1, precision: 1 });
    expect(hit.categories.find((c) => c.category === "overclaiming")).toMatchObject({ falsePositives: 0 });
    const miss = evaluate([drafted({ redFlags: [flag("overclaiming", 3)] })]);
    expect(miss.categories.find((c) => c.category === "overclaiming")).toMatchObject({
      falsePositives: 1,
      precision: 0,
    });
    expect(miss.categories.find((c) => c.category === "unquantified-impact")).toMatchObject({ recall: 0 });
  });

  it("counts every warning on an unexpected bias topic as a false alarm", () => {
    const e = evaluate([
      drafted({ biasWarnings: [{ topic: "age", excerpt: "x", message: "m" }] }, { bias: ["religion"] }),
    ]);
    expect(e.bias).toMatchObject({ expected: 1, found: 0, falseAlarms: ['x: age on "x"'] });
  });

  it("finds a figure the input does not contain anywhere a committee reads", () => {
    expect(evaluate([drafted({ followUps: ["Was it 15 minutes?"] })]).inventedFigures).toEqual(["x: 15"]);
  });
});

describe("draft checks", () => {
  it("tells filler from the same words used as words", () => {
    expect(fillerIn("They, um, fixed it.")).toBe("um");
    expect(fillerIn("They kind of fixed it.")).toBe("kind of");
    expect(fillerIn("They, they went to the broker first.")).toBe("They, they");
    expect(fillerIn("They got paged at, like, half six.")).toBe(", like,");
    expect(fillerIn("It was the kind of tool the team needed, seen in the ER, like the last one.")).toBeUndefined();
  });

  it("finds meta remarks after the summary moved them into the third person", () => {
    expect(
      failures(drafted({ summary: "Situation: Ooh, that is a hard one, let them think." }), "meta-remark"),
    ).toEqual(['x: meta remark "let them think"']);
    expect(
      failures(drafted({ summary: "Oh, where do they start, the order went wrong." }), "meta-remark"),
    ).toHaveLength(1);
  });

  it("takes a negated mention of reflection as no claim of reflection", () => {
    expect(marksReflection("Reflection: the client should have signed earlier.")).toBe(true);
    expect(marksReflection("The candidate reflects on the order of their calls.")).toBe(true);
    expect(marksReflection("The candidate did not reflect on their own part.")).toBe(false);
    expect(marksReflection("Reflection: none offered. Points to probe: lack of reflection.")).toBe(false);
  });

  it("checks third person outside quotes, kept figures and areas beside a low rating", () => {
    expect(failures(drafted({ summary: 'They said "I rebuilt it" and then my team left.' }), "third-person")).toEqual([
      'x: first person "my"',
    ]);
    expect(failures(drafted({}, { summary: { mustInclude: ["12 minutes"] } }), "must-include")).toEqual([]);
    expect(failures(drafted({ improvements: [] }), "area-for-low-rating")).toHaveLength(1);
  });

  it("counts a follow-up asked in three interviews as stock", () => {
    const same = "Who else was on the team?";
    const cases = ["a", "b", "c"].map((name) => ({
      ...drafted({ followUps: [same, "What was the queue before May?"] }),
      name,
    }));
    const stock = evaluate(cases).checks.find((c) => c.id === "stock-follow-ups")!;
    expect(stock.failures).toHaveLength(3);
  });
});
