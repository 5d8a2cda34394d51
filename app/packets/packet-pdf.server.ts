import { LEVELS, competencyLabel, stars } from "~/scorecards/rubric";
import { aggregatePacket, submittedInterviews, type PacketAggregate } from "./aggregate";
import {
  STATUS_LABELS,
  WITHHELD_NOTICE,
  WITHHELD_SHORT,
  ownFeedbackPending,
  submittedCount,
  type Decision,
  type Packet,
} from "./packet";
import { STAGE_LABELS } from "~/vocabulary/stages";
import { OUTCOME_LABELS } from "~/vocabulary/decisions";
import { formatDate, formatDateTime, ratingName, recommendationName } from "./pdf/format";
import { interviewSection } from "./pdf/interview";
import {
  COLORS,
  SIZES,
  bulletList,
  contentWidth,
  createDocument,
  drawFooters,
  ensureSpace,
  heading,
  keyValues,
  paragraph,
  setFont,
  write,
  type Doc,
} from "./pdf/layout";
import { table, type Cell } from "./pdf/table";

// The hiring-committee packet as a PDF, drawn with pdfkit (no browser). The returned document is a
// readable stream: pipe it to the response or a file; pages are buffered only so the footer can
// say "Page X of Y".

export const FOOTER = "Confidential — hiring committee";
// Interviewer columns per matrix table on a portrait A4 page; a larger panel splits into several tables.
const MATRIX_COLUMNS = 6;

export function renderPacketPdf(packet: Packet): PDFKit.PDFDocument {
  const aggregate = aggregatePacket(packet);
  const doc = createDocument({
    title: `Hiring committee packet — ${packet.candidate.name}`,
    subject: `${packet.position.title}: panel feedback, ratings and decision`,
    createdAt: packet.generatedAt,
  });
  const outline = doc.outline;

  // The summary page: who, the decision, the panel, then the overview as far as it fits.
  outline.addItem("Summary");
  summary(doc, packet, aggregate, () => outline.addItem("Panel"));

  // Independence: nothing to aggregate is not the same as nothing there.
  const hidden = ownFeedbackPending(packet);
  const unlessHidden = (body: () => void) => () =>
    hidden ? paragraph(doc, WITHHELD_SHORT, { color: COLORS.muted }) : body();
  overview(doc, aggregate, () => outline.addItem("Panel overview"), hidden ? WITHHELD_SHORT : undefined);

  section(
    doc,
    "Where the panel disagrees",
    unlessHidden(() => disagreements(doc, aggregate)),
  );
  section(
    doc,
    "Red flags across the panel",
    unlessHidden(() => redFlags(doc, aggregate)),
  );
  section(
    doc,
    "Open questions",
    unlessHidden(() => openQuestions(doc, aggregate)),
  );
  section(doc, "Missing scorecards", () => missing(doc, aggregate));

  const submitted = submittedInterviews(packet);
  const interviews = submitted.length > 0 ? outline.addItem("Interviews", { expanded: true }) : null;
  submitted.forEach((interview, i) => {
    // The first scorecard starts a page; the next follow on where the last one ended.
    if (i === 0) doc.addPage();
    else ensureSpace(doc, 160);
    interviews!.addItem(
      `${aggregate.columns[i].label} — ${STAGE_LABELS[interview.stage]}, ${formatDate(interview.scheduledAt)}`,
    );
    interviewSection(
      doc,
      interview,
      aggregate.columns[i],
      (category) => packet.redFlagTitles[category as keyof Packet["redFlagTitles"]] ?? category,
    );
  });

  drawFooters(doc, FOOTER);
  doc.end();
  return doc;

  function section(doc: Doc, title: string, body: () => void) {
    // Bookmarked on the page the heading lands on, which the body's first block decides.
    heading(doc, title, 1, { onPlaced: () => outline.addItem(title) });
    body();
  }
}

function summary(doc: Doc, packet: Packet, aggregate: PacketAggregate, bookmarkPanel: () => void): void {
  setFont(doc, "regular", SIZES.small, COLORS.muted).text("HIRING COMMITTEE PACKET", { characterSpacing: 1.5 });
  doc.moveDown(0.4);
  write(setFont(doc, "bold", SIZES.title, COLORS.heading), packet.candidate.name, doc.page.margins.left, doc.y, {
    width: contentWidth(doc),
  });
  paragraph(doc, `${packet.position.title} · ${packet.candidate.email}`, { size: 11, color: COLORS.muted, gap: 10 });
  const submitted = submittedCount(packet);
  keyValues(doc, [
    ["Level applied for", packet.candidate.levelApplied ?? "Not stated"],
    ["Generated", formatDateTime(packet.generatedAt)],
    [
      "Scorecards",
      `${submitted} of ${packet.interviews.length} submitted${aggregate.tallyText ? ` · ${aggregate.tallyText}` : ""}`,
    ],
  ]);
  if (ownFeedbackPending(packet)) paragraph(doc, WITHHELD_NOTICE, { font: "bold", color: COLORS.warn });

  heading(doc, "Decision", 2);
  if (packet.decision) decision(doc, packet.decision);
  else paragraph(doc, "No decision recorded yet.", { color: COLORS.muted });
  const current = packet.decision?.recordedAt.getTime();
  const earlier = packet.decisionHistory.filter((d) => d.recordedAt.getTime() !== current);
  if (earlier.length > 0) {
    heading(doc, "Earlier decisions", 2);
    for (const d of [...earlier].reverse()) decision(doc, d);
  }

  const order = [...packet.interviews].sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());
  table(
    doc,
    [
      { header: "Interviewer", width: 110 },
      { header: "Stage and date", width: 110 },
      { header: "Focus", width: contentWidth(doc) - 300 },
      { header: "Scorecard", width: 80 },
    ],
    order.map((i): Cell[] => [
      i.interviewer.name,
      `${STAGE_LABELS[i.stage]}, ${formatDate(i.scheduledAt)}`,
      [i.focus.competencies.map(competencyLabel).join(", "), ...i.focus.questions].filter(Boolean).join("\n") || "—",
      {
        text: STATUS_LABELS[i.status],
        bold: i.status !== "submitted",
        color: i.status === "submitted" ? COLORS.text : COLORS.warn,
      },
    ]),
    { title: "Panel", onStart: bookmarkPanel },
  );
}

function outcomeText(d: Decision): string {
  return `${OUTCOME_LABELS[d.outcome]}${d.level ? `, ${d.level}` : ""}`;
}

function decision(doc: Doc, d: Decision): void {
  paragraph(doc, outcomeText(d), { font: "bold", size: 12, gap: 2 });
  paragraph(doc, `Recorded by ${d.recordedBy.name}, ${formatDateTime(d.recordedAt)}`, {
    color: COLORS.muted,
    size: SIZES.small,
  });
  paragraph(doc, d.rationale);
  if (d.reason) paragraph(doc, `Reason for revising: ${d.reason}`, { color: COLORS.muted });
  if (d.missingScorecards.length > 0) {
    const who = d.missingScorecards.map((m) => `${m.interviewer} (${m.stage}, ${m.status.toLowerCase()})`).join("; ");
    const count = `${d.missingScorecards.length} scorecard${d.missingScorecards.length === 1 ? "" : "s"}`;
    paragraph(doc, `Decided with ${count} missing: ${who}. Why: ${d.earlyReason ?? ""}`, { color: COLORS.warn });
  }
  if (d.votes.length > 0) {
    paragraph(doc, "Debrief votes", { font: "bold", gap: 2 });
    for (const v of d.votes) paragraph(doc, `${v.name}: ${OUTCOME_LABELS[v.outcome]} — ${v.reason}`, { gap: 2 });
  }
}

function overview(
  doc: Doc,
  aggregate: PacketAggregate,
  bookmark: () => void,
  empty = "No submitted scorecards yet: nothing to aggregate.",
): void {
  heading(doc, "Panel overview", 1, { onPlaced: bookmark });
  if (aggregate.columns.length === 0) {
    paragraph(doc, empty, { color: COLORS.muted });
    return;
  }
  const width = contentWidth(doc);
  // A larger panel splits into tables of even size (13 → 5, 4, 4), each repeating the competencies.
  const tables = Math.ceil(aggregate.columns.length / MATRIX_COLUMNS);
  const perTable = Math.ceil(aggregate.columns.length / tables);
  const cellWidth = (width - 120) / MATRIX_COLUMNS;
  for (let start = 0; start < aggregate.columns.length; start += perTable) {
    const columns = aggregate.columns.slice(start, start + perTable);
    table(
      doc,
      [
        { header: "Competency", width: 120 },
        ...columns.map((c) => ({ header: c.label, width: cellWidth, align: "center" as const })),
      ],
      aggregate.matrix.map((row) => [
        { text: row.label, bold: true },
        ...row.ratings
          .slice(start, start + perTable)
          .map((r): Cell => (r === "not-assessed" ? { text: "n/a", color: COLORS.muted } : ratingName(r))),
      ]),
      {
        title:
          tables > 1 ? `Interviewers ${start + 1}–${start + columns.length} of ${aggregate.columns.length}` : undefined,
      },
    );
  }
  paragraph(doc, `Levels low to high: ${LEVELS.map((l) => l.label).join(", ")}; n/a: not assessed.`, {
    color: COLORS.muted,
    size: SIZES.small,
  });

  table(
    doc,
    [
      { header: "Competency", width: 160 },
      { header: "Median", width: 120 },
      { header: "Spread", width: 100 },
      { header: "Assessed by", width: width - 380 },
    ],
    aggregate.matrix.map((row) => [
      row.label,
      row.medianLabel ?? "—",
      row.spread === null ? "—" : row.spread === 1 ? "1 level" : `${row.spread} levels`,
      `${row.assessed} of ${aggregate.columns.length}`,
    ]),
    { title: "Per competency" },
  );

  table(
    doc,
    [
      { header: "Interviewer", width: 200 },
      { header: "Recommendation", width: 140 },
      { header: "Level", width: 140 },
    ],
    aggregate.recommendations.map((r) => [
      r.column.label,
      recommendationName(r.recommendation),
      r.level ?? "None given",
    ]),
    { title: `Recommendations: ${aggregate.tallyText || "none"}` },
  );
}

function disagreements(doc: Doc, aggregate: PacketAggregate): void {
  if (aggregate.disagreements.length === 0) {
    return paragraph(doc, "No competency spans two or more levels and no hire/no-hire split.", { color: COLORS.muted });
  }
  for (const d of aggregate.disagreements) {
    if (d.kind === "competency") {
      heading(doc, `${d.label}: ratings ${d.spread} levels apart`, 2);
      const byLevel = [...LEVELS].reverse().flatMap((level) => {
        const who = d.ratings.filter((r) => r.value === level.id).map((r) => r.column.label);
        return who.length ? [`${level.label}: ${who.join(", ")}`] : [];
      });
      bulletList(doc, byLevel);
    } else {
      heading(doc, "Hire and no-hire recommendations split", 2);
      const said = (list: typeof d.hire) =>
        list.map((s) => `${s.column.label} (${recommendationName(s.value)})`).join(", ");
      bulletList(doc, [`For hiring: ${said(d.hire)}`, `Against hiring: ${said(d.noHire)}`]);
    }
  }
}

function redFlags(doc: Doc, aggregate: PacketAggregate): void {
  if (aggregate.redFlags.length === 0) return paragraph(doc, "No red flags raised.", { color: COLORS.muted });
  for (const flag of aggregate.redFlags) {
    const raised =
      flag.interviewerCount === 1
        ? `raised by one interviewer only (${flag.raisedBy[0].column.label})`
        : `raised by ${flag.interviewerCount} interviewers`;
    heading(doc, `${flag.title}  ${stars(flag.maxSeverity)}`, 2, { tag: raised });
    bulletList(
      doc,
      flag.raisedBy.map(
        (r) => `${r.column.label} (${stars(r.severity)}): ${r.justification || "no justification given"}`,
      ),
    );
  }
}

function openQuestions(doc: Doc, aggregate: PacketAggregate): void {
  if (aggregate.openQuestions.length === 0) return paragraph(doc, "No follow-up questions.", { color: COLORS.muted });
  for (const { column, questions } of aggregate.openQuestions) {
    heading(doc, column.label, 2);
    bulletList(doc, questions, { numbered: true });
  }
}

function missing(doc: Doc, aggregate: PacketAggregate): void {
  if (aggregate.missing.length === 0)
    return paragraph(doc, "Every scheduled interview has a submitted scorecard.", { color: COLORS.muted });
  paragraph(doc, "These interviews have no submitted scorecard; nothing from them is in the aggregates above.", {
    color: COLORS.muted,
  });
  table(
    doc,
    [
      { header: "Interviewer", width: 160 },
      { header: "Stage", width: 100 },
      { header: "Date", width: 120 },
      { header: "Status", width: contentWidth(doc) - 380 },
    ],
    aggregate.missing.map((m) => [
      m.interviewer.name,
      STAGE_LABELS[m.stage],
      formatDate(m.scheduledAt),
      { text: STATUS_LABELS[m.status], bold: true, color: COLORS.warn },
    ]),
  );
}
