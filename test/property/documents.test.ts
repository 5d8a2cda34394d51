import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { scorecardToMarkdown } from "~/scorecards/markdown";
import { parseDraftInput } from "~/assistant/draft.schema";
import { draftScorecard } from "~/assistant/drafter.server";
import { renderPacketPdf } from "~/packets/packet-pdf.server";
import { type Packet, type PacketInterview } from "~/packets/packet";
import { RED_FLAG_CATEGORIES } from "~/scorecards/rubric";
import { scorecardContentSchema, type ScorecardContent } from "~/scorecards/scorecard.schema";
import { fittingText, hostileText, runs, scorecardContent } from "./hostile";

const meta = {
  candidate: "Tomás Silva",
  position: "Engineer",
  interviewer: "Priya Raman",
  stage: "Onsite",
  interviewedAt: "Mon 5 Jan 2026, 12:00 (UTC)",
  submittedAt: "Mon 5 Jan 2026, 13:00 (UTC)",
  redFlagTitle: (c: string) => `Flag ${c}`,
};

// The headings a scorecard export must have, and no others: user text may never add one (a
// question's own heading holds its text, so only its "### Qn." start is compared).
function expectedHeadings(card: ScorecardContent): string[] {
  const sections = (...names: string[]) => names.map((n) => `### ${n}`);
  return [
    "# Scorecard: Tomás Silva",
    "## Questions and answers",
    ...card.answers.map((_, i) => `### Q${i + 1}.`),
    "## Feedback",
    ...sections("1.", "2.", "3.", "4.", "5.", "6.", "7."),
    "## Red Flags",
    ...sections("1.", "2.", "3.", "4."),
  ];
}
const headingStart = (line: string) => line.replace(/^(###) (Q?\d+\.).*$/, "$1 $2");

// CommonMark ends a line at \n, \r\n or a lone \r; an ATX heading is up to three spaces then #.
const atxHeadings = (markdown: string) =>
  markdown.split(/\r\n|\r|\n/).filter((line) => /^ {0,3}#{1,6}(\s|$)/.test(line));

describe("Markdown export with hostile text", () => {
  it("never throws and keeps exactly its own headings and sections", () => {
    fc.assert(
      fc.property(scorecardContent(), (card) => {
        expect(scorecardContentSchema.safeParse(card).success).toBe(true);
        const markdown = scorecardToMarkdown(card, meta);
        expect(atxHeadings(markdown).map(headingStart)).toEqual(expectedHeadings(card));
        for (const section of [
          "1. Raw Notes",
          "2. Formal Summary",
          "5. Competency Ratings",
          "7. Probing Follow-up Questions",
          "4. Improvement Suggestions",
        ]) {
          expect(markdown).toContain(`\n### ${section}`);
        }
        expect(markdown.endsWith("\n")).toBe(true);
      }),
      runs(60),
    );
  });
});

// Draft input in both accepted shapes, with hostile text and sometimes a field over its limit.
const draftQuestion = fc.record(
  {
    question: hostileText(false),
    answer: hostileText(),
    notes: hostileText(),
    keyPoints: fc.array(hostileText(false), { maxLength: 3 }),
  },
  { requiredKeys: ["question", "answer"] },
);
const draftInput = fc.oneof(
  fc.record({
    questions: fc.array(draftQuestion, { minLength: 1, maxLength: 3 }),
    notes: hostileText(),
    ratings: fc.constant({ ownership: "strong" }),
  }),
  fc.record({ question: hostileText(false), answer: hostileText(), notes: hostileText() }),
  fc.anything({ maxDepth: 2 }),
);

describe("drafter with hostile input", () => {
  it("drafts a schema-valid draft from valid input and names the field of invalid input", () => {
    fc.assert(
      fc.property(draftInput, (raw) => {
        const parsed = parseDraftInput(raw);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) expect(issue.message.length).toBeGreaterThan(0);
          if (raw && typeof raw === "object" && !Array.isArray(raw))
            expect(parsed.error.issues.every((i) => i.path.length > 0)).toBe(true);
          return;
        }
        // draftScorecard parses its own output with draftSchema, so a bad draft throws here.
        const draft = draftScorecard(parsed.data);
        expect(typeof draft.summary).toBe("string");
      }),
      runs(25),
    );
  });
});

// PDF: small packets (one or two submitted interviews, a missing one) whose every text is hostile.
const person = fittingText(200, false).map((name) => ({ id: "u-1", name }));
const interview = (card: ScorecardContent, name: { id: string; name: string }, i: number): PacketInterview => ({
  id: `iv-${i}`,
  interviewer: { ...name, id: `u-${i}` },
  stage: "onsite",
  scheduledAt: new Date(Date.UTC(2026, 0, 3 + i, 9)),
  durationMinutes: 45,
  focus: { competencies: ["ownership"], questions: [] },
  revision: 1,
  status: "submitted",
  submittedAt: new Date(Date.UTC(2026, 0, 3 + i, 15)),
  scorecard: card,
});
const smallPacket: fc.Arbitrary<Packet> = fc
  .record({
    cards: fc.array(scorecardContent(false), { minLength: 1, maxLength: 2 }),
    names: fc.array(person, { minLength: 2, maxLength: 2 }),
    candidate: fittingText(200, false),
    rationale: fittingText(10_000),
  })
  .map(({ cards, names, candidate, rationale }) => {
    const decision = {
      outcome: "hire" as const,
      level: "Mid",
      rationale,
      reason: null,
      recordedBy: names[0],
      recordedAt: new Date(Date.UTC(2026, 0, 9)),
      votes: [{ name: names[1].name, outcome: "hire" as const, reason: rationale.slice(0, 300) }],
      missingScorecards: [{ interviewer: names[1].name, stage: "Onsite", status: "Overdue" }],
      earlyReason: rationale.slice(0, 2000),
    };
    return {
      candidate: { id: "c-1", name: candidate, email: "c@example.com", levelApplied: "Mid" },
      position: { id: "p-1", title: candidate.slice(0, 40) },
      generatedAt: new Date(Date.UTC(2026, 0, 10)),
      interviews: [
        ...cards.map((card, i) => interview(card, names[i % 2], i)),
        { ...interview(cards[0], names[1], 9), status: "overdue", submittedAt: null, scorecard: null },
      ],
      decision,
      decisionHistory: [decision],
      debrief: { voters: [], votes: [], sealed: false },
      redFlagTitles: Object.fromEntries(RED_FLAG_CATEGORIES.map((c) => [c, `Flag ${c}`])) as Packet["redFlagTitles"],
    };
  });

async function pdfBytes(packet: Packet): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of renderPacketPdf(packet)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe("packet PDF with hostile text", () => {
  it("renders a well-formed PDF", async () => {
    await fc.assert(
      fc.asyncProperty(smallPacket, async (packet) => {
        const bytes = await pdfBytes(packet);
        expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
        expect(bytes.subarray(-7).toString("latin1").trimEnd().endsWith("%%EOF")).toBe(true);
      }),
      runs(8),
    );
  });
});
