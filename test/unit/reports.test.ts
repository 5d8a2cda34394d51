import { describe, expect, it } from "vitest";
import { leaningOf } from "~/reports/report";
import { reportFiltersSchema, toSearchParams } from "~/reports/filters.schema";
import { formatHours, formatOffset } from "~/reports/summary";

describe("calibration", () => {
  it("says too few below five comparisons, and in line within half a level", () => {
    expect(leaningOf(null, 0)).toBe("too-few");
    expect(leaningOf(2, 4)).toBe("too-few");
    expect(leaningOf(0.49, 5)).toBe("in-line");
    expect(leaningOf(-0.5, 5)).toBe("harsh");
    expect(leaningOf(0.5, 5)).toBe("lenient");
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
