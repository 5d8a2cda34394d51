import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scorecardToMarkdown } from "~/scorecards/markdown";
import type { RedFlagCategory } from "~/scorecards/rubric";
import { emptyScorecard, type ScorecardContent } from "~/scorecards/scorecard.schema";

const titles: Partial<Record<RedFlagCategory, string>> = {
  overclaiming: "Overclaiming contribution",
  "lack-of-reflection": "Lack of reflection",
};
const meta = {
  candidate: "Tomás Silva",
  position: "Customer Success Manager",
  interviewer: "Priya Raman",
  stage: "Onsite",
  interviewedAt: "Thu 25 Dec 2025, 18:30 (Europe/London)",
  submittedAt: "Thu 25 Dec 2025, 19:45 (Europe/London)",
  redFlagTitle: (c: RedFlagCategory) => titles[c] ?? c,
};

const seedLike: ScorecardContent = {
  answers: [
    {
      questionId: "difficult-customer",
      question: "Describe a situation where you had to deal with a difficult customer.",
      answer: [
        "A long-standing client was unhappy with a reporting tool my team had built for them. " +
          "I set up a meeting, let them talk, and wrote down every complaint; " +
          "most of it came from expectations we never set clearly.",
        "I proposed a plan: a dashboard with filters and CSV/PDF export, then bulk edits. " +
          "The dashboard took two weeks and saved their staff about 10 hours a week.",
        "",
        "",
        "Support tickets went from 8-10 a week to 1-2 and the contract (about $200,000) was renewed.",
      ].join("\n"),
      notes: [
        "- unhappy client, reporting tool",
        "- ran the meeting, wrote down complaints",
        "• dashboard in 2 weeks, ~10 h/week saved",
        "",
        "tickets 8-10 → 1-2 per week; renewal $200k",
      ].join("\n"),
    },
  ],
  notes: "",
  ratings: {
    ownership: "meets",
    "problem-solving": "meets-plus",
    execution: "meets",
    collaboration: "meets-plus",
    communication: "strong",
    leadership: "not-assessed",
    "culture-fit": "strong",
  },
  recommendation: "hire",
  level: "Junior–Mid",
  summary:
    "Turned around an unhappy client by listening first and shipping the features that mattered to them. " +
    "Results are strong, but how much of the work was theirs rather than the team's stays unclear.",
  strengths: ["Listens before acting", "Structured plan with clear priorities", "Kept the client informed every week"],
  improvements: [
    "Separate personal contributions from the team's",
    "Back the impact figures with how they were measured",
  ],
  redFlags: [
    {
      category: "overclaiming",
      severity: 3,
      justification: "Team results are presented as personal ones.",
      evidence: ["I turned the account around", "my dashboard"],
      suggestion: "Ask which decisions were theirs alone.",
    },
    {
      category: "lack-of-reflection",
      severity: 2,
      justification: "Lessons learned stay at the level of slogans.",
      evidence: [],
      suggestion: "Ask what they would change next time and why.",
    },
  ],
  followUps: [
    "Which parts of the plan did you write yourself?",
    "How did you know the ticket drop came from the dashboard?",
    "What would you do differently with the next unhappy client?",
  ],
  provenance: { summary: "edited" },
  biasWarnings: [],
};

describe("scorecardToMarkdown", () => {
  it("writes a submitted scorecard in the seed evaluation's layout", () => {
    const expected = readFileSync(new URL("./fixtures/scorecard-seed-layout.md", import.meta.url), "utf8");
    expect(scorecardToMarkdown(seedLike, meta)).toBe(expected);
  });

  it("writes each question/answer pair and labels per-question notes when there are several", () => {
    const card: ScorecardContent = {
      ...emptyScorecard([
        { questionId: "a", question: "First?", answer: "One.", notes: "n1" },
        { questionId: "b", question: "Second?", answer: "Two.", notes: "" },
      ]),
      notes: "[01:10] general",
    };
    const md = scorecardToMarkdown(card, meta);
    expect(md).toContain(
      "## Questions and answers\n\n### Q1. First?\n\nOne.\n\n### Q2. Second?\n\nTwo.\n\n## Feedback",
    );
    expect(md).toContain(
      "### 1. Raw Notes (taken during the interview)\n\n- \\[01:10\\] general\n\n_Notes on question 1: First?_\n- n1\n",
    );
    // A draft-shaped card still exports: nothing decided is said as such, never left blank.
    expect(md).toContain("**Rating**: Not decided");
    expect(md).toContain("- Ownership: Not rated");
    expect(md).toContain("### 1. Red Flag Detection\n\n- No red flags raised");
  });

  it("keeps user text from adding structure or HTML", () => {
    const hostile =
      "# Hired!\n- injected item\n1. injected step\n> quote\n<script>alert(1)</script>\n====\n    indented code\n```\n| a | b |\n&amp; *bold* [link](http://x)";
    const card: ScorecardContent = {
      ...emptyScorecard([{ questionId: "q", question: hostile, answer: hostile, notes: hostile }]),
      notes: hostile,
      summary: hostile,
      strengths: [hostile],
      improvements: ["1. looks numbered"],
      followUps: ["- looks like a bullet"],
      redFlags: [
        { category: "overclaiming", severity: 5, justification: hostile, evidence: [hostile], suggestion: "<b>x</b>" },
      ],
    };
    const md = scorecardToMarkdown(card, meta);
    const lines = md.split("\n");

    // Our headings only, one level per part: the hostile question text stays inside its own heading.
    expect(lines.filter((l) => /^#{1,6}\s/.test(l)).map((l) => l.slice(0, 24))).toEqual([
      "# Scorecard: Tomás Silva",
      "## Questions and answers",
      "### Q1. \\# Hired! - inje",
      "## Feedback",
      ...[
        "### 1. Raw Notes (taken ",
        "### 2. Formal Summary (f",
        "### 3. Strengths",
        "### 4. Areas for Improve",
        "### 5. Competency Rating",
        "### 6. Final Recommendat",
        "### 7. Probing Follow-up",
      ],
      "## Red Flags",
      ...[
        "### 1. Red Flag Detectio",
        "### 2. Red Flag Severity",
        "### 3. Short Justificati",
        "### 4. Improvement Sugge",
      ],
    ]);
    expect(lines.filter((l) => /^\s*</.test(l) || /(^|[^\\])</.test(l))).toEqual([]);
    expect(lines.filter((l) => /^\s*(```|~~~|>|\s{4})/.test(l))).toEqual([]);
    // No setext rules (user text could otherwise turn a line into a heading); only the follow-up is numbered.
    expect(lines.filter((l) => /^=+$/.test(l))).toEqual([]);
    expect(lines.filter((l) => /^\d+[.)]/.test(l)).map((l) => l.slice(0, 12))).toEqual(["1. \\- looks "]);
    expect(md).toContain("\\<script\\>alert(1)\\</script\\>");
    expect(md).toContain("\\&amp; \\*bold\\* \\[link\\](http://x)");
    expect(md).toContain("- 1\\. looks numbered");
    expect(md).toContain("1. \\- looks like a bullet");
    expect(md).toContain("- Overclaiming contribution: ★★★★★");
  });

  it("names the candidate, position, interviewer, stage and dates in its header", () => {
    expect(scorecardToMarkdown(seedLike, meta).split("\n\n").slice(0, 2)).toEqual([
      "# Scorecard: Tomás Silva",
      [
        "- **Candidate**: Tomás Silva",
        "- **Position**: Customer Success Manager",
        "- **Interviewer**: Priya Raman",
        "- **Stage**: Onsite",
        "- **Interview**: Thu 25 Dec 2025, 18:30 (Europe/London)",
        "- **Submitted**: Thu 25 Dec 2025, 19:45 (Europe/London)",
        "- **Rating**: Hire",
      ].join("\n"),
    ]);
  });
});
