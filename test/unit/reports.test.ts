import { describe, expect, it } from "vitest";
import { calibrate, leaningOf, median, type CalibrationCard } from "~/reports/calibration";
import { reportFiltersSchema, toSearchParams } from "~/reports/filters.schema";
import { formatHours, formatOffset } from "~/reports/summary";
import { COMPETENCY_IDS } from "~/scorecards/rubric";

const all = (level: string | null) => Object.fromEntries(COMPETENCY_IDS.map((id) => [id, level]));
const card = (
  candidateId: string,
  interviewerId: string,
  ratings: Record<string, string | null>,
  recommendation: string | null = "hire",
  inView = true,
): CalibrationCard => ({
  candidateId,
  interviewerId,
  interviewerName: interviewerId.toUpperCase(),
  ratings,
  recommendation,
  inView,
});

describe("calibration", () => {
  it("takes the median of an even and an odd count", () => {
    expect(median([])).toBeNull();
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("compares each rating with the median of the other interviewers on the candidate", () => {
    const raters = calibrate([
      card("k1", "a", all("strong"), "strong-hire"), // 5 vs median(3, 2) = 2.5 → +2.5
      card("k1", "b", all("meets"), "hire"), // 3 vs median(5, 2) = 3.5 → −0.5
      card("k1", "c", all("below"), "no-hire"), // 2 vs median(5, 3) = 4 → −2
    ]);
    expect(raters.map((r) => [r.interviewerId, r.offset, r.comparisons, r.leaning, r.hireRate])).toEqual([
      ["a", 2.5, 7, "lenient", 1],
      ["b", -0.5, 7, "harsh", 1],
      ["c", -2, 7, "harsh", 0],
    ]);
    expect(raters[0].distribution).toEqual({ "strong-no": 0, below: 0, meets: 0, "meets-plus": 0, strong: 7 });
  });

  it("leaves out not-assessed and unrated competencies, the rater's own second interview, and cards outside the view", () => {
    const half = { ...all("meets"), ownership: "not-assessed", leadership: null };
    const raters = calibrate([
      card("k1", "a", half),
      card("k1", "a", all("strong")), // a's second interview with the same candidate is not a second opinion
      card("k1", "b", all("meets"), "no-hire", false), // the panel, not a row of its own
    ]);
    expect(raters).toHaveLength(1);
    // 5 + 7 of a's ratings count; each compares with b's Meets: 5 × 0 and 7 × +2.
    expect(raters[0]).toMatchObject({ interviewerId: "a", scorecards: 2, comparisons: 12, hireRate: 1 });
    expect(raters[0].offset).toBeCloseTo(14 / 12);
  });

  it("says too few below five comparisons, and in line within half a level", () => {
    expect(leaningOf(null, 0)).toBe("too-few");
    expect(leaningOf(2, 4)).toBe("too-few");
    expect(leaningOf(0.49, 5)).toBe("in-line");
    expect(leaningOf(-0.5, 5)).toBe("harsh");
    expect(leaningOf(0.5, 5)).toBe("lenient");
    expect(calibrate([card("k9", "solo", all("meets"), null)])[0]).toMatchObject({
      offset: null,
      leaning: "too-few",
      hireRate: null,
    });
  });
});

describe("report filters in the URL", () => {
  it("reads an empty query as every interview, newest first, page 1", () => {
    expect(reportFiltersSchema.parse({})).toEqual({ sort: "date", dir: "desc", page: 1 });
    expect(reportFiltersSchema.parse({ from: "", stage: "", page: "" })).toEqual({
      sort: "date",
      dir: "desc",
      page: 1,
    });
  });

  it("writes back only what is set, so a shared link stays short and parses to the same filters", () => {
    const filters = reportFiltersSchema.parse({
      from: "2026-03-01",
      to: "2026-03-31",
      stage: "onsite",
      sort: "candidate",
      dir: "asc",
      page: "3",
    });
    const params = toSearchParams(filters);
    expect(params.toString()).toBe("from=2026-03-01&to=2026-03-31&stage=onsite&sort=candidate&dir=asc&page=3");
    expect(reportFiltersSchema.parse(Object.fromEntries(params))).toEqual(filters);
    expect(toSearchParams(reportFiltersSchema.parse({ sort: "date", dir: "desc", page: "1" })).toString()).toBe("");
  });

  it("accepts a leap day and refuses a day that does not exist", () => {
    expect(reportFiltersSchema.safeParse({ from: "2028-02-29" }).success).toBe(true);
    expect(reportFiltersSchema.safeParse({ from: "2026-02-29" }).success).toBe(false);
    expect(reportFiltersSchema.safeParse({ page: "1.5" }).success).toBe(false);
  });
});

describe("summary wording", () => {
  it("gives hours, then days", () => {
    expect([formatHours(0.4), formatHours(14), formatHours(47.6), formatHours(60), formatHours(300)]).toEqual([
      "under an hour",
      "14 h",
      "48 h",
      "2.5 days",
      "13 days",
    ]);
  });
  it("signs the offset from the panel", () => {
    expect([formatOffset(1.75), formatOffset(-0.75), formatOffset(0.02)]).toEqual([
      "+1.8 levels",
      "−0.8 levels",
      "±0.0 levels",
    ]);
  });
});
