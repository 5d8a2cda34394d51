import { describe, expect, it } from "vitest";
import {
  emptyScorecard,
  LIMITS,
  scorecardContentSchema,
  submittableScorecardSchema,
} from "~/scorecards/scorecard.schema";
import { scorecardActionSchema } from "~/scorecards/scorecard-action.schema";
import { COMPETENCY_IDS } from "~/scorecards/rubric";
import { normalizeContent, sectionOfPath } from "~/scorecards/sections";

const rated = () => ({
  ...emptyScorecard([
    { questionId: "q", question: "Tell me about a time…", answer: "It went well.", notes: "[00:10] ok" },
  ]),
  ratings: Object.fromEntries(COMPETENCY_IDS.map((id) => [id, "meets"])) as ReturnType<
    typeof emptyScorecard
  >["ratings"],
  recommendation: "hire" as const,
  summary: "Clear account of a difficult renewal, owned end to end.",
});

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  result.error?.issues.map((i) => i.path.join(".")) ?? [];

describe("scorecard schema", () => {
  it("accepts an empty draft but asks for every rating, a recommendation and a summary at submit", () => {
    expect(scorecardContentSchema.safeParse(emptyScorecard()).success).toBe(true);
    const submit = submittableScorecardSchema.safeParse(emptyScorecard());
    expect(paths(submit)).toEqual([...COMPETENCY_IDS.map((id) => `ratings.${id}`), "recommendation", "summary"]);
    expect(submittableScorecardSchema.safeParse(rated()).success).toBe(true);
  });

  it("counts not assessed as a decided rating", () => {
    const card = rated();
    card.ratings.leadership = "not-assessed";
    expect(submittableScorecardSchema.safeParse(card).success).toBe(true);
  });

  it("names the field for oversize text instead of truncating it", () => {
    const card = rated();
    card.answers[0].answer = "a".repeat(LIMITS.answer + 1);
    card.summary = "s".repeat(LIMITS.summary + 1);
    const result = scorecardContentSchema.safeParse(card);
    expect(paths(result)).toEqual(["answers.0.answer", "summary"]);
    expect(result.error!.issues[0].message).toBe("Answer is too long: at most 50,000 characters");
    card.answers[0].answer = "a".repeat(LIMITS.answer);
    card.summary = "s".repeat(LIMITS.summary);
    expect(scorecardContentSchema.safeParse(card).success).toBe(true);
  });

  it("refuses unknown competencies, categories and severities outside 1 to 5", () => {
    const card = rated() as Record<string, unknown>;
    expect(
      scorecardContentSchema.safeParse({ ...card, ratings: { ...rated().ratings, charm: "strong" } }).success,
    ).toBe(false);
    const flag = { category: "overclaiming", severity: 3, justification: "j", evidence: [], suggestion: "s" };
    expect(scorecardContentSchema.safeParse({ ...card, redFlags: [flag] }).success).toBe(true);
    for (const bad of [
      { ...flag, severity: 0 },
      { ...flag, severity: 6 },
      { ...flag, severity: 2.5 },
      { ...flag, category: "rudeness" },
    ]) {
      expect(scorecardContentSchema.safeParse({ ...card, redFlags: [bad] }).success).toBe(false);
    }
  });

  it("needs a reason to amend, and a version on every write", () => {
    const content = rated();
    expect(scorecardActionSchema.safeParse({ intent: "amend", baseVersion: 3, content, reason: " " }).success).toBe(
      false,
    );
    expect(scorecardActionSchema.safeParse({ intent: "amend", baseVersion: 3, content, reason: "typo" }).success).toBe(
      true,
    );
    expect(scorecardActionSchema.safeParse({ intent: "save", content }).success).toBe(false);
    expect(scorecardActionSchema.safeParse({ intent: "save", baseVersion: -1, content }).success).toBe(false);
  });
});

describe("scorecard sections", () => {
  it("maps form paths to draftable sections", () => {
    expect(sectionOfPath("redFlags.2.severity")).toBe("redFlags");
    expect(sectionOfPath("summary")).toBe("summary");
    expect(sectionOfPath("answers.0.notes")).toBeNull();
    expect(sectionOfPath("provenance.summary")).toBeNull();
  });

  it("drops blank lines typed into list fields", () => {
    const card = {
      ...rated(),
      strengths: ["Clear", "", "  ", "Calm "],
      redFlags: [
        { category: "overclaiming" as const, severity: 2, justification: "", evidence: ["a", ""], suggestion: "" },
      ],
    };
    const normal = normalizeContent(card);
    expect(normal.strengths).toEqual(["Clear", "Calm"]);
    expect(normal.redFlags[0].evidence).toEqual(["a"]);
  });
});
