import { extractText, extractTextItems, getDocumentProxy, getMeta } from "unpdf";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { FOOTER, renderPacketPdf } from "~/packets/packet-pdf.server";
import { SIZES } from "~/packets/pdf/layout";
import { type Packet } from "~/packets/packet";
import { eightLongScorecards, missing, packet, prose, scorecard, submitted } from "./fixtures/packets/packets";

// Laying out a long packet takes seconds on a loaded 2-core machine; the assertions are what matter.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 120_000 });

async function render(p: Packet) {
  const chunks: Buffer[] = [];
  for await (const chunk of renderPacketPdf(p)) chunks.push(chunk as Buffer);
  const bytes = new Uint8Array(Buffer.concat(chunks));
  const proxy = await getDocumentProxy(bytes.slice());
  const { totalPages, text } = await extractText(proxy, { mergePages: false });
  return { bytes, proxy, totalPages, pages: text, all: text.join("\n") };
}
type Rendered = Awaited<ReturnType<typeof render>>;

function expectFooterOnEveryPage({ pages, totalPages }: Rendered) {
  pages.forEach((page, i) => {
    expect(page).toContain(`${FOOTER} · Page ${i + 1} of ${totalPages}`);
  });
}

const decision = {
  outcome: "hire" as const,
  level: "Senior",
  rationale: "Strong communication across the panel; the ownership concern was discussed.",
  reason: "References confirmed the scope of the project.",
  recordedBy: { id: "u-ruth", name: "Ruth Okoye" },
  recordedAt: new Date(Date.UTC(2025, 11, 28)),
  votes: [
    { name: "Ruth Okoye", outcome: "hire" as const, reason: "Owned the escalation end to end." },
    { name: "Sam Lee", outcome: "more-interviews" as const, reason: "Ownership still unclear." },
  ],
  missingScorecards: [{ interviewer: "Ivo Petrov", stage: "Onsite", status: "Overdue" }],
  earlyReason: "Ivo is on leave for a month; the other seven agree.",
};

describe("renderPacketPdf with eight long scorecards and a missing one", () => {
  let pdf: Rendered;
  const eight = eightLongScorecards();
  const p: Packet = {
    ...eight,
    interviews: [...eight.interviews, missing("Ivo Petrov", 20, "overdue")],
    decision,
    decisionHistory: [
      {
        ...decision,
        outcome: "more-interviews",
        level: null,
        rationale: "One more ownership interview first.",
        reason: null,
        recordedAt: new Date(Date.UTC(2025, 11, 27)),
      },
      decision,
    ],
  };
  beforeAll(async () => {
    pdf = await render(p);
  });

  it("puts the footer with page X of Y on every page, and a sane page count", () => {
    expect(pdf.totalPages).toBeGreaterThan(20);
    expect(pdf.totalPages).toBeLessThan(60);
    expectFooterOnEveryPage(pdf);
  });

  it("has the cover, the aggregate sections and every interviewer", () => {
    expect(pdf.pages[0]).toContain("Zoë Čapek-Ångström");
    expect(pdf.pages[0]).toContain("Customer Experience Manager");
    expect(pdf.pages[0]).toContain("Hire, Senior");
    expect(pdf.pages[0]).toContain("Reason for revising: References confirmed the scope of the project.");
    expect(pdf.pages[0]).toContain("Earlier decisions");
    expect(pdf.pages[0]).toContain("8 of 9 submitted");
    for (const section of [
      "Panel overview",
      "Per competency",
      "Where the panel disagrees",
      "Red flags across the panel",
      "Open questions",
      "Missing scorecards",
    ]) {
      expect(pdf.all).toContain(section);
    }
    for (const name of [
      "Ana Lima",
      "Bo Chen",
      "Chidi Okafor",
      "Dana Weiß",
      "Élodie Martin",
      "Farid Haddad",
      "Grete Nilsen",
      "Hiro Tanaka",
    ]) {
      expect(pdf.all).toContain(`Interview: ${name}`);
    }
    expect(pdf.all).toMatch(/Ivo Petrov\s+Onsite\s+20 Dec 2025\s+Overdue/);
  });

  it("prints severities as stars, levels as words and provenance marks", () => {
    expect(pdf.all).toContain("★★★★★");
    expect(pdf.all).toContain("★★☆☆☆");
    expect(pdf.all).toContain("Meets+");
    expect(pdf.all).toContain("Strong No");
    expect(pdf.all).not.toMatch(/[⛔👎👌👍🌟]/u);
    expect(pdf.all).toContain("assistant draft, edited by interviewer");
    expect(pdf.all).toContain("Bias warnings the interviewer submitted past");
    expect(pdf.all).toContain("Она подробно описала");
    expect(pdf.all).toContain("Η ομάδα μέτρησε");
  });

  it("splits the matrix of a large panel into tables that fit the page", () => {
    expect(pdf.all).toContain("Interviewers 1–4 of 8");
    expect(pdf.all).toContain("Interviewers 5–8 of 8");
  });

  it("has an outline entry per section and per interview", async () => {
    const outline = (await pdf.proxy.getOutline())!;
    expect(outline.map((item) => item.title)).toEqual([
      "Summary",
      "Panel",
      "Panel overview",
      "Where the panel disagrees",
      "Red flags across the panel",
      "Open questions",
      "Missing scorecards",
      "Interviews",
    ]);
    const interviews = outline.at(-1)!.items.map((item) => item.title);
    expect(interviews).toHaveLength(8);
    expect(interviews[0]).toBe("Ana Lima — Onsite, 1 Dec 2025");
  });

  it("carries title, subject and creation date in the metadata", async () => {
    const { info } = await getMeta(pdf.proxy, { parseDates: true });
    expect(info.Title).toBe("Hiring committee packet — Zoë Čapek-Ångström");
    expect(info.Subject).toContain("Customer Experience Manager");
    expect(new Date(info.CreationDate).toISOString()).toBe("2025-12-26T10:00:00.000Z");
  });

  it("keeps every line of text inside the page's margins", async () => {
    const { items } = await extractTextItems(pdf.proxy);
    const page = { width: 595.28, height: 841.89 };
    for (const pageItems of items) {
      for (const item of pageItems.filter((i) => i.str.trim() !== "")) {
        expect(item.x).toBeGreaterThanOrEqual(56 - 1);
        expect(item.x + item.width).toBeLessThanOrEqual(page.width - 56 + 1);
        // Body text stays above the footer band; only the footer lives below it.
        if (!item.str.startsWith(FOOTER)) expect(item.y).toBeGreaterThanOrEqual(56 + 30 - 3);
        expect(item.y + item.height).toBeLessThanOrEqual(page.height - 56 + 12);
      }
    }
  });
});

describe("renderPacketPdf with no submitted scorecard", () => {
  it("says so, lists the missing ones and has no interview bookmarks", async () => {
    const pdf = await render(packet([missing("Mara Silva", 1, "draft"), missing("Noor Aziz", 2, "not-started")]));
    expectFooterOnEveryPage(pdf);
    expect(pdf.totalPages).toBe(1);
    expect(pdf.all).toContain("No submitted scorecards yet");
    expect(pdf.all).toContain("No decision recorded yet.");
    expect(pdf.all).toMatch(/Mara Silva\s+Onsite\s+1 Dec 2025\s+Draft/);
    expect(pdf.all).toMatch(/Noor Aziz\s+Onsite\s+2 Dec 2025\s+Not started/);
    expect((await pdf.proxy.getOutline())!.map((i) => i.title)).not.toContain("Interviews");
  });
});

describe("renderPacketPdf pagination", () => {
  it("puts three short scorecards on five pages: the summary fills the first, nothing strands a table", async () => {
    const p = packet([
      submitted("Ana Lima", 1, scorecard()),
      submitted("Ben Okafor", 2, scorecard()),
      submitted("Chen Jing", 3, scorecard()),
      missing("Ivo Petrov", 4, "overdue"),
    ]);
    const pdf = await render(p);
    expect(pdf.totalPages).toBe(5);
    expect(pdf.pages[0]).toContain("Panel overview");
    // The missing-scorecards table shares its page with the sections before it.
    const missingPage = pdf.pages.find((page) => page.includes("Missing scorecards"))!;
    expect(missingPage).toContain("Open questions");
  });
});

// The last line of text above the footer on each page, and whether it is set at a heading's size.
async function lastLines({ proxy }: Rendered) {
  const { items } = await extractTextItems(proxy);
  return items.map((pageItems, i) => {
    const body = pageItems.filter((item) => item.str.trim() !== "" && !item.str.startsWith(FOOTER));
    const lowest = Math.min(...body.map((item) => item.y));
    const line = body.filter((item) => Math.abs(item.y - lowest) < 2);
    const isHeading = line.some((item) => [SIZES.h1, SIZES.h2].some((size) => Math.abs(item.height - size) < 0.1));
    return { page: i + 1, text: line.map((item) => item.str).join(""), isHeading };
  });
}

describe("renderPacketPdf keeps headings with what follows", () => {
  // A decision rationale of growing length walks "Panel overview" and the sections after it past the foot of
  // page 1 (the demo packet stranded it there): whatever the length, no page may end on a heading.
  it.each([150, 175, 200, 225, 250, 275, 300, 325, 350, 375, 400, 425, 450])(
    "with a %i-word rationale, no page ends on a heading",
    async (words) => {
      const p = packet(
        [
          submitted("Lena Fischer", 1, scorecard()),
          submitted("Marcus Webb", 2, scorecard({ recommendation: "no-hire" })),
          missing("Priya Natarajan", 3, "draft"),
          missing("Sam Okafor", 4, "not-started"),
        ],
        {
          decision: {
            outcome: "hire",
            level: "Mid",
            rationale: prose(words),
            reason: null,
            recordedBy: { id: "u-ruth", name: "Ruth Okoye" },
            recordedAt: new Date(Date.UTC(2025, 11, 28)),
            votes: [],
            missingScorecards: [],
            earlyReason: null,
          },
        },
      );
      const stranded = (await lastLines(await render(p))).filter((line) => line.isHeading);
      expect(stranded).toEqual([]);
    },
  );
});

describe("renderPacketPdf with hard input", () => {
  it("renders any script, emoji, HTML and a 50,000-character answer without losing the end", async () => {
    const long = `${"Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(870)}END-OF-ANSWER`;
    const card = scorecard({
      answers: [{ questionId: "q", question: "Quels résultats — “mesurés” ?", answer: long, notes: "x".repeat(3000) }],
      // On separate lines: pdf.js reorders a line that mixes RTL text when extracting it.
      summary: "Great 👍🏽 fit. 中文 テスト\n<script>alert(1)</script>\nעברית العربية",
    });
    const pdf = await render(packet([submitted("Ana Lima", 1, card)]));
    expectFooterOnEveryPage(pdf);
    expect(pdf.all).toContain("END-OF-ANSWER");
    expect(pdf.all).toContain("<script>alert(1)</script>");
    // Skin-tone modifiers only colour an emoji: the monochrome emoji font prints the base symbol.
    expect(pdf.all).toContain("Great 👍 fit. 中文 テスト");
    expect(pdf.all).toContain("Quels résultats — “mesurés” ?");
  });

  it("repeats the header row when a table continues on the next page", async () => {
    const panel = Array.from({ length: 40 }, (_, i) => missing(`Interviewer ${i + 1}`, (i % 28) + 1, "not-started"));
    const pdf = await render(packet(panel));
    expectFooterOnEveryPage(pdf);
    // The summary's panel table runs on until the page where the overview begins.
    const continued = pdf.pages.slice(1, pdf.pages.findIndex((page) => page.includes("Panel overview")) + 1);
    expect(continued.length).toBeGreaterThan(0);
    for (const page of continued) expect(page).toMatch(/^Interviewer\s+Stage and date\s+Focus\s+Scorecard/);
  });
});
