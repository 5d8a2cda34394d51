import { describe, expect, it } from "vitest";
import { parseDraftInput, type DraftInput } from "~/assistant/draft.schema";
import { draftScorecard } from "~/assistant/drafter.server";
import { thirdPerson } from "~/assistant/summary.server";

// The candidate's spoken words as committee prose: talk dropped, contractions read by meaning,
// sentences kept whole across abbreviations, and a paragraph that opens on the candidate.

const draft = (input: DraftInput) => draftScorecard(parseDraftInput(input).data!);
const one = (answer: string) =>
  draft({ question: "Tell me about a time you improved something.", answer, notes: "", ratings: {} });

describe("spoken answers as prose", () => {
  it("drops false starts, even when filler sat between the two sayings", () => {
    expect(thirdPerson("The kitchen, like, the kitchen never called the tickets.")).toBe(
      "The kitchen never called the tickets.",
    );
    expect(thirdPerson("Yeah, so, the the big one was the Tesco order.")).toBe("The big one was the Tesco order.");
    expect(thirdPerson("I didn't just roll it out, I, I picked two pickers.")).toBe(
      "They did not just roll it out, they picked two pickers.",
    );
  });

  it("drops remarks about the interview wherever they stand apart", () => {
    expect(thirdPerson("Good question — I moved my Year 9 set to seating by reading age.")).toBe(
      "They moved their Year 9 set to seating by reading age.",
    );
    expect(thirdPerson("Off the top of my head, I'd invite them in.")).toBe("They would invite them in.");
    const summary = one(
      "That's a tough one. How do I put this. I got their IT lead on a call within 10 minutes and had them back up in 45 minutes.",
    ).summary;
    expect(summary).not.toMatch(/tough one|put this/i);
    expect(summary).toContain("45 minutes");
  });

  it("keeps a possessive as said and reads I'd by the verb after it", () => {
    expect(thirdPerson("Dr. Okafor wanted to discharge a patient at St. Mary's whose sats kept dropping.")).toBe(
      "Dr. Okafor wanted to discharge a patient at St. Mary's whose sats kept dropping.",
    );
    expect(thirdPerson("I'd already rolled back, and I'd do the canary first next time.")).toBe(
      "They had already rolled back, and they would do the canary first next time.",
    );
  });

  it("keeps a sentence whole across an abbreviation the parser took for a full stop", () => {
    const summary = one(
      "Our backlog was 1,200 tickets vs. a target of 300. I wrote macros and it fell to 280.",
    ).summary;
    expect(summary).toContain("1,200 tickets vs. a target of 300");
  });

  it("opens on the candidate rather than a stock line", () => {
    const summary = one(
      "The search API was really slow, p95 of 2.4 seconds. I added a cache and it fell to 310 ms.",
    ).summary;
    expect(summary).not.toContain("gave this account");
    expect(summary).toMatch(/^The candidate described how the search API was really slow/);
  });
});

describe("follow-ups from what the candidate said", () => {
  it("names the person the candidate worked with and keeps names as written", () => {
    const { followUps } = one(
      "Dr. Okafor wanted to discharge a patient whose sats kept dropping. I wrote the post-mortem with Ana and we added a checklist.",
    );
    expect(followUps.join(" ")).toMatch(/what did (Ana|Dr\. Okafor) do/);
    expect(followUps.join(" ")).not.toMatch(/\bdr\. Okafor/);
  });

  it("gives a clause that shares the speaker its subject back", () => {
    const { followUps } = one(
      "The search API was really slow. I, I profiled it over a couple of days and found that we were doing an N+1 query on the facets. I rewrote it to a single query with a join and added a Redis cache for the facet counts.",
    );
    for (const q of followUps) expect(q).not.toMatch(/^You said (added|profiled|rewrote)/);
  });
});

describe("strengths and areas", () => {
  it("cite the sentence that shows each point, and name the gap beside a low score", () => {
    const result = draft({
      question: "Tell me about a time you improved a process.",
      answer:
        "Dr. Okafor wanted to discharge a patient whose sats kept dropping to 89% overnight. I rang the outreach team and paired with Ana on a new escalation chart. Falls went from 11 a month to 4 a month.",
      notes: "",
      ratings: { collaboration: "strong", ownership: "below" },
    });
    expect(result.strengths).toContain("Gives a measured result: falls went from 11 a month to 4 a month.");
    expect(result.strengths.join(" ")).toMatch(
      /^Collaboration: the candidate rang the outreach team and paired with Ana/,
    );
    expect(result.improvements.some((l) => l.startsWith("Ownership:") || l.includes("for Ownership"))).toBe(true);
  });
});
