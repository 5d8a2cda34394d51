import { describe, expect, it } from "vitest";
import { aggregatePacket } from "~/packets/aggregate";
import type { RedFlag } from "~/scorecards/scorecard.schema";
import { missing, packet, ratings, redFlagTitles, scorecard, submitted } from "./fixtures/packets/packets";

const flag = (category: RedFlag["category"], severity: number, justification: string): RedFlag => ({
  category,
  severity,
  justification,
  evidence: [],
  suggestion: "",
});

describe("aggregatePacket with no submitted scorecard", () => {
  const result = aggregatePacket(
    packet([missing("Noor", 3, "not-started"), missing("Mara", 2, "draft"), missing("Ivo", 1, "overdue")]),
  );

  it("has empty aggregates rather than invented ones", () => {
    expect(result.columns).toEqual([]);
    expect(result.matrix).toHaveLength(7);
    expect(
      result.matrix.every(
        (row) => row.assessed === 0 && row.median === null && row.medianLabel === null && row.spread === null,
      ),
    ).toBe(true);
    expect(result.tally).toEqual([]);
    expect(result.tallyText).toBe("");
    expect(result.recommendations).toEqual([]);
    expect(result.disagreements).toEqual([]);
    expect(result.redFlags).toEqual([]);
    expect(result.openQuestions).toEqual([]);
  });

  it("lists every missing scorecard, earliest interview first, with its status", () => {
    expect(result.missing.map((m) => [m.interviewer.name, m.status])).toEqual([
      ["Ivo", "overdue"],
      ["Mara", "draft"],
      ["Noor", "not-started"],
    ]);
  });
});

describe("aggregatePacket with one submitted scorecard", () => {
  const card = scorecard({
    ratings: ratings({ ownership: "strong", leadership: "not-assessed" }),
    recommendation: "strong-hire",
    level: "Senior",
    redFlags: [flag("overclaiming", 2, "Said “I” for team work")],
    followUps: ["Who else worked on it?", "How was it measured?"],
  });
  const result = aggregatePacket(packet([missing("Ivo", 2, "overdue"), submitted("Ana", 1, card)]));

  it("uses that scorecard alone and flags the overdue one as missing", () => {
    expect(result.columns.map((c) => c.label)).toEqual(["Ana"]);
    const ownership = result.matrix.find((r) => r.competency === "ownership")!;
    expect(ownership).toMatchObject({ ratings: ["strong"], assessed: 1, median: 5, medianLabel: "Strong", spread: 0 });
    const leadership = result.matrix.find((r) => r.competency === "leadership")!;
    expect(leadership).toMatchObject({ ratings: ["not-assessed"], assessed: 0, median: null, spread: null });
    expect(result.tallyText).toBe("1 Strong Hire");
    expect(result.recommendations.map((r) => [r.column.label, r.recommendation, r.level])).toEqual([
      ["Ana", "strong-hire", "Senior"],
    ]);
    expect(result.disagreements).toEqual([]);
    expect(result.missing.map((m) => m.interviewer.name)).toEqual(["Ivo"]);
  });

  it("marks a flag raised by one interviewer as such", () => {
    expect(result.redFlags).toHaveLength(1);
    expect(result.redFlags[0]).toMatchObject({
      category: "overclaiming",
      title: redFlagTitles.overclaiming,
      interviewerCount: 1,
      maxSeverity: 2,
    });
    expect(result.openQuestions).toEqual([
      { column: result.columns[0], questions: ["Who else worked on it?", "How was it measured?"] },
    ]);
  });
});

describe("aggregatePacket with eight submitted scorecards and one missing", () => {
  // ownership: 5 4 3 3 4 – 3 4 → seven assessed, median 4, spread 2 (a disagreement)
  // communication: 3 3 3 3 4 4 4 4 → eight assessed, median 3.5, spread 1
  // leadership: nobody assessed it
  const plan = [
    {
      name: "Ana",
      own: "strong",
      comm: "meets",
      rec: "hire",
      level: "Mid",
      flags: [flag("overclaiming", 3, "A: took credit")],
    },
    {
      name: "Bo",
      own: "meets-plus",
      comm: "meets",
      rec: "hire",
      level: "Mid",
      flags: [flag("lack-of-reflection", 2, "B: no lessons")],
    },
    {
      name: "Chidi",
      own: "meets",
      comm: "meets",
      rec: "no-hire",
      level: null,
      flags: [flag("overclaiming", 4, "C: team metrics as own")],
    },
    {
      name: "Dana",
      own: "meets",
      comm: "meets",
      rec: "hire",
      level: "Senior",
      flags: [flag("inconsistency", 4, "D: dates changed")],
    },
    {
      name: "Élodie",
      own: "meets-plus",
      comm: "meets-plus",
      rec: "strong-hire",
      level: "Senior",
      flags: [flag("overclaiming", 2, "E: vague we/I")],
    },
    { name: "Farid", own: "not-assessed", comm: "meets-plus", rec: "hire", level: "Mid", flags: [] },
    { name: "Grete", own: "meets", comm: "meets-plus", rec: "no-hire", level: "Junior–Mid", flags: [] },
    { name: "Hiro", own: "meets-plus", comm: "meets-plus", rec: "hire", level: "Mid", flags: [] },
  ] as const;
  const interviews = plan.map((p, i) =>
    submitted(
      p.name,
      i + 1,
      scorecard({
        ratings: ratings({ ownership: p.own, communication: p.comm, leadership: "not-assessed" }),
        recommendation: p.rec,
        level: p.level,
        redFlags: [...p.flags],
        followUps: i < 2 ? [`${p.name}'s question`] : [],
      }),
    ),
  );
  const result = aggregatePacket(packet([...interviews, missing("Ivo", 20, "draft")]));
  const row = (id: string) => result.matrix.find((r) => r.competency === id)!;

  it("builds the matrix, medians and spreads in level ranks", () => {
    expect(result.columns.map((c) => c.label)).toEqual(plan.map((p) => p.name));
    expect(row("ownership")).toMatchObject({ assessed: 7, median: 4, medianLabel: "Meets+", spread: 2 });
    expect(row("communication")).toMatchObject({ assessed: 8, median: 3.5, medianLabel: "Meets–Meets+", spread: 1 });
    expect(row("execution")).toMatchObject({ assessed: 8, median: 3, medianLabel: "Meets", spread: 0 });
    expect(row("leadership")).toMatchObject({ assessed: 0, median: null, spread: null });
    expect(row("ownership").ratings).toEqual(plan.map((p) => p.own));
  });

  it("tallies recommendations strongest first and keeps level recommendations side by side", () => {
    expect(result.tally.map((t) => [t.label, t.count])).toEqual([
      ["Strong Hire", 1],
      ["Hire", 5],
      ["No Hire", 2],
    ]);
    expect(result.tallyText).toBe("1 Strong Hire, 5 Hire, 2 No Hire");
    expect(result.recommendations.map((r) => r.level)).toEqual([
      "Mid",
      "Mid",
      null,
      "Senior",
      "Senior",
      "Mid",
      "Junior–Mid",
      "Mid",
    ]);
  });

  it("reports a two-level spread and the hire/no-hire split with who said what", () => {
    expect(result.disagreements).toHaveLength(2);
    const [competency, split] = result.disagreements;
    expect(competency).toMatchObject({ kind: "competency", competency: "ownership", spread: 2 });
    if (competency.kind !== "competency") throw new Error("expected a competency disagreement");
    expect(competency.ratings.map((r) => `${r.column.label}:${r.value}`)).toEqual([
      "Ana:strong",
      "Bo:meets-plus",
      "Chidi:meets",
      "Dana:meets",
      "Élodie:meets-plus",
      "Grete:meets",
      "Hiro:meets-plus",
    ]);
    if (split.kind !== "recommendation") throw new Error("expected a recommendation split");
    expect(split.hire.map((s) => s.column.label)).toEqual(["Ana", "Bo", "Dana", "Élodie", "Farid", "Hiro"]);
    expect(split.noHire.map((s) => `${s.column.label}:${s.value}`)).toEqual(["Chidi:no-hire", "Grete:no-hire"]);
  });

  it("merges red flags by category: count, highest severity, every justification", () => {
    expect(result.redFlags.map((f) => [f.category, f.interviewerCount, f.maxSeverity])).toEqual([
      ["overclaiming", 3, 4],
      ["inconsistency", 1, 4],
      ["lack-of-reflection", 1, 2],
    ]);
    expect(result.redFlags[0].raisedBy.map((r) => `${r.column.label}/${r.severity}/${r.justification}`)).toEqual([
      "Ana/3/A: took credit",
      "Chidi/4/C: team metrics as own",
      "Élodie/2/E: vague we/I",
    ]);
  });

  it("groups open questions by interviewer and lists the missing draft", () => {
    expect(result.openQuestions.map((q) => [q.column.label, q.questions])).toEqual([
      ["Ana", ["Ana's question"]],
      ["Bo", ["Bo's question"]],
    ]);
    expect(result.missing.map((m) => [m.interviewer.name, m.status])).toEqual([["Ivo", "draft"]]);
  });
});

describe("aggregatePacket when one interviewer sat two interviews", () => {
  const first = submitted("Ana", 1, scorecard({ redFlags: [flag("generic-answer", 2, "first")] }));
  const second = {
    ...submitted("Ana", 2, scorecard({ redFlags: [flag("generic-answer", 3, "second")] })),
    stage: "final" as const,
  };
  first.interviewer = second.interviewer;
  const result = aggregatePacket(packet([second, first]));

  it("names each column by stage and counts the interviewer once per flag", () => {
    expect(result.columns.map((c) => c.label)).toEqual(["Ana (Onsite)", "Ana (Final)"]);
    expect(result.redFlags[0]).toMatchObject({ interviewerCount: 1, maxSeverity: 3 });
    expect(result.redFlags[0].raisedBy).toHaveLength(2);
  });
});
