import { describe, expect, it } from "vitest";
import { conflictDiffs, mergeContent } from "~/scorecards/conflict-merge";
import { emptyScorecard } from "~/scorecards/scorecard.schema";

const q = (questionId: string, notes = "") => ({ questionId, question: `Question ${questionId}`, answer: "", notes });

describe("merging a scorecard that changed in another tab", () => {
  const base = emptyScorecard([q("a"), q("b")]);
  const theirs = {
    ...base,
    answers: [q("a", "their notes on a"), q("b")],
    ratings: { ...base.ratings, ownership: "meets" as const },
  };
  const mine = { ...base, answers: [q("a", "my notes on a"), q("b"), q("custom-1", "own")], notes: "my general notes" };

  it("lists only the fields that differ, ratings included, in words", () => {
    const diffs = conflictDiffs(mine, theirs);
    expect(diffs.map((d) => d.key)).toEqual(["answers.a.notes", "answers.custom-1", "notes", "ratings.ownership"]);
    expect(diffs.find((d) => d.key === "ratings.ownership")).toMatchObject({ mine: "(empty)", theirs: "Meets" });
    expect(conflictDiffs(theirs, theirs)).toEqual([]);
  });

  it("keeps the saved value unless this tab's was chosen, field by field", () => {
    const merged = mergeContent(mine, theirs, {
      "answers.a.notes": "theirs",
      notes: "mine",
      "answers.custom-1": "mine",
      "ratings.ownership": "theirs",
    });
    expect(merged.answers.map((a) => [a.questionId, a.notes])).toEqual([
      ["a", "their notes on a"],
      ["b", ""],
      ["custom-1", "own"],
    ]);
    expect(merged.notes).toBe("my general notes");
    expect(merged.ratings.ownership).toBe("meets");
    expect(conflictDiffs(merged, mergeContent(mine, theirs, { notes: "mine" })).map((d) => d.key)).toEqual([
      "answers.custom-1",
    ]);
  });
});
