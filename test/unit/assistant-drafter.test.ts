import { describe, expect, it } from "vitest";
import { checkBias } from "~/assistant/bias.server";
import { parseDraftInput, type DraftInput } from "~/assistant/draft.schema";
import { draftScorecard } from "~/assistant/drafter.server";
import { inferKind } from "~/assistant/question.server";
import { thirdPerson } from "~/assistant/summary.server";

function draft(input: DraftInput) {
  const parsed = parseDraftInput(input);
  if (!parsed.success) throw parsed.error;
  return draftScorecard(parsed.data);
}

const base = {
  question: "Tell me about a time you handled an outage.",
  notes: "",
  ratings: {},
  recommendation: "hire" as const,
};

describe("built-in drafter", () => {
  it("infers the question kind from its wording", () => {
    expect(inferKind("Tell me about a time you disagreed with your manager.")).toBe("behavioral");
    expect(inferKind("Describe a situation where you had to deal with a difficult customer.")).toBe("behavioral");
    expect(inferKind("How would you handle a customer who threatens to churn?")).toBe("situational");
    expect(inferKind("Imagine you inherit a team that misses every deadline. What do you do first?")).toBe(
      "situational",
    );
    expect(inferKind("Walk me through how you'd deal with a parent who turns up angry.")).toBe("situational");
    expect(inferKind("Say you found a £50,000 error in a board report. How do you handle it?")).toBe("situational");
    expect(inferKind("When a customer shouts at you, how do you respond?")).toBe("situational");
    expect(inferKind("Give me an example of when you led a team.")).toBe("behavioral");
    expect(inferKind("Tell me about a time a guest complained. What would you do differently?")).toBe("behavioral");
  });

  it("flags 'I would…' on a behavioral question but not on a situational one", () => {
    const answer =
      "I would listen to the customer first. Then I would explain the options, and I would follow up in writing.";
    const flagged = draft({ ...base, answer }).redFlags.map((f) => f.category);
    expect(flagged).toContain("hypothetical-answer");
    const situational = draft({ ...base, question: "How would you handle an angry customer?", answer }).redFlags.map(
      (f) => f.category,
    );
    expect(situational).not.toContain("hypothetical-answer");
    const declared = draft({ ...base, questionKind: "situational", answer }).redFlags.map((f) => f.category);
    expect(declared).not.toContain("hypothetical-answer");
  });

  it("does not read a no-blame review as blame-shifting, but does read 'not my fault'", () => {
    const good = draft({
      ...base,
      answer:
        "I rolled back the release myself. The next day I ran a no-blame review and wrote the fix. I learned to test migrations on real data.",
    });
    expect(good.redFlags.map((f) => f.category)).not.toContain("blame-shifting");
    const answer = "It was not my fault. The QA team never tested it, and it was their fault the release broke.";
    const blame = draft({ ...base, answer }).redFlags.find((f) => f.category === "blame-shifting");
    expect(blame?.severity).toBeGreaterThanOrEqual(3);
    expect(blame!.evidence).toEqual([
      "It was not my fault.",
      "The QA team never tested it, and it was their fault the release broke.",
    ]);
  });

  it("grows severity with repetition", () => {
    const once = draft({ ...base, answer: "I single-handedly fixed the outage. Then we went home." }).redFlags.find(
      (f) => f.category === "overclaiming",
    )!;
    const thrice = draft({
      ...base,
      answer:
        "I single-handedly fixed the outage. Thanks to me the site came back. Without me it would never have been found. I did it all by myself.",
    }).redFlags.find((f) => f.category === "overclaiming")!;
    expect(thrice.severity).toBeGreaterThan(once.severity);
    expect(thrice.evidence.length).toBeGreaterThan(once.evidence.length);
  });

  it("points out an extreme rating with nothing behind it, and never proposes a rating", () => {
    const result = draft({
      ...base,
      answer: "I restarted the service and the site came back.",
      ratings: { leadership: "strong", ownership: "strong-no" },
    });
    expect(result.improvements.filter((line) => line.startsWith("Evidence gap:"))).toHaveLength(2);
    expect(JSON.stringify(result)).not.toMatch(/\b(recommend(ation)? (is|of)|should be (hired|rejected))\b/i);
  });

  it("writes the summary in the third person and keeps at least three follow-ups ending in '?'", () => {
    const result = draft({
      ...base,
      answer:
        "I was on call when the API went down at 2am. I rolled back the deploy and we were back within 12 minutes. I learned to keep rollbacks scripted.",
    });
    expect(result.summary).toMatch(/The candidate was on call/);
    expect(result.summary).not.toMatch(/\bI\b/);
    expect(result.followUps.length).toBeGreaterThanOrEqual(3);
    for (const q of result.followUps) expect(q.endsWith("?")).toBe(true);
  });

  it("aims follow-ups at key points the answer missed", () => {
    const result = draft({
      ...base,
      keyPoints: ["Customer communication during the outage"],
      answer: "I restarted the database and the errors stopped.",
    });
    expect(
      result.followUps.some(
        (q) => q.includes("customer communication during the outage") && q.includes("restarted the database"),
      ),
    ).toBe(true);
  });
});

describe("thirdPerson", () => {
  it("turns the speaker into 'they' with the verb agreeing", () => {
    expect(thirdPerson("I'm sure I wasn't told, so my manager and I called them myself.")).toBe(
      "They are sure they were not told, so their manager and they called them themselves.",
    );
    expect(thirdPerson("We shipped it and our customers noticed.")).toBe(
      "The team shipped it and the team's customers noticed.",
    );
  });
});

describe("checkBias", () => {
  it.each([
    ["Seems too old to keep up with the team.", "age"],
    ["She mentioned two kids and plans for another baby.", "family-status"],
    ["Pregnant, so probably off soon.", "family-status"],
    ["Strong accent, hard to follow at times.", "national-origin"],
    ["Wears a turban; not sure about client meetings.", "religion"],
    ["Black guy, very confident.", "race-ethnicity"],
    ["Good for a woman in sales engineering.", "sex-gender"],
    ["Uses a wheelchair, the office has stairs.", "disability-health"],
    ["He is dyslexic, so written work may suffer.", "disability-health"],
  ])("warns on %j (%s)", (note, topic) => {
    expect(checkBias(note).map((w) => w.topic)).toContain(topic);
  });

  it("adds a culture-fit warning only next to a personal characteristic", () => {
    expect(checkBias("Not a culture fit, too old for our young team.").map((w) => w.topic)).toEqual(["age", "other"]);
    expect(checkBias("Not a culture fit: dismissed feedback twice and talked over the panel.")).toEqual([]);
  });

  it("stays quiet on neutral facts", () => {
    const neutral = [
      "Lives in Berlin, would relocate to Amsterdam.",
      "Would mentor our junior hires.",
      "Team spans three time zones; fine with the on-call rotation.",
      "Parent and child tickets were linked in Jira.",
      "Found the blind spot in our monitoring. Old system was a monolith.",
      "Senior engineer, 8 years of Go.",
    ];
    for (const note of neutral) expect(checkBias(note), note).toEqual([]);
  });

  it("quotes the sentence it warns about verbatim", () => {
    const notes = "Great answer on metrics. Mentioned her husband works nights, might limit overtime.";
    const [warning] = checkBias(notes);
    expect(notes).toContain(warning.excerpt);
    expect(warning.excerpt).toBe("Mentioned her husband works nights, might limit overtime.");
  });
});
