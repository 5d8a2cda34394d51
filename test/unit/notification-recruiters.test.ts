import { describe, expect, it } from "vitest";
import { recruitersFor } from "~/notifications/recruiters";

const dana = { id: "dana" };
const rae = { id: "rae" };

describe("who hears about a position", () => {
  it("is its own recruiter when one is chosen and still an active recruiter", () => {
    expect(recruitersFor("rae", [dana, rae])).toEqual([rae]);
  });

  it("is every recruiter when none is chosen, or the chosen one is no longer among them", () => {
    expect(recruitersFor(null, [dana, rae])).toEqual([dana, rae]);
    expect(recruitersFor("gone", [dana, rae])).toEqual([dana, rae]);
  });
});
