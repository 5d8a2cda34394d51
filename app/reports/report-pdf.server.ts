import type { ReportRow } from "~db/queries/reports";
import { STAGE_LABELS } from "~/vocabulary/stages";
import { OUTCOME_LABELS, type DecisionOutcome } from "~/vocabulary/decisions";
import { formatDate, formatDateTime, recommendationName } from "~/packets/pdf/format";
import {
  COLORS,
  SIZES,
  contentWidth,
  createDocument,
  drawFooters,
  ensureSpace,
  heading,
  keyValues,
  paragraph,
  printable,
  setFont,
  type Doc,
} from "~/packets/pdf/layout";
import { table, type Cell } from "~/packets/pdf/table";
import { LEVELS, type RecommendationId } from "~/scorecards/rubric";
import type { RaterCalibration } from "./reports.server";
import { LEANING_LABELS, ROW_STATUS_LABELS } from "./report";
import type { FeedbackTracking, ReportSummary } from "./reports.server";
import { formatHours, formatOffset, formatPercent, summaryFigures } from "./summary";

// The filtered report as a PDF, with the packet's typography and table helper (header row
// repeated on every page): filters, summary and chart, feedback tracking, calibration, the rows.

export type ReportPdfInput = {
  generatedAt: Date;
  filters: Record<string, string>; // human-readable, only those set
  summary: ReportSummary;
  feedback: FeedbackTracking;
  calibration: RaterCalibration[];
  rows: ReportRow[];
  totalRows: number;
};

export function renderReportPdf(input: ReportPdfInput): Doc {
  const doc = createDocument({
    title: "Recruiting report",
    subject: "Interviews, feedback and calibration for the chosen filters",
    createdAt: input.generatedAt,
  });
  setFont(doc, "bold", SIZES.title, COLORS.heading).text("Recruiting report", { width: contentWidth(doc) });
  paragraph(doc, `Generated ${formatDateTime(input.generatedAt)}`, { color: COLORS.muted, gap: 8 });
  const filters = Object.entries(input.filters);
  keyValues(doc, filters.length ? filters : [["Filters", "none (every interview)"]]);

  heading(doc, "Summary", 1);
  keyValues(
    doc,
    summaryFigures(input.summary).map(({ label, value }) => [label, value]),
  );
  heading(doc, "Recommendations on submitted scorecards", 2);
  barChart(
    doc,
    input.summary.recommendations.map((r) => ({ label: recommendationName(r.id), value: r.count })),
  );

  heading(doc, "Feedback tracking", 1);
  const overdue = input.feedback.overdue;
  if (overdue.length === 0) paragraph(doc, "No overdue scorecards.", { color: COLORS.muted });
  else {
    table(
      doc,
      [
        { header: "Interviewer", width: 110 },
        { header: "Candidate", width: 120 },
        { header: "Stage and date", width: 130 },
        { header: "Overdue by", width: contentWidth(doc) - 360 },
      ],
      overdue.map((o) => [
        o.interviewer_name,
        o.candidate_name,
        `${STAGE_LABELS[o.stage]}, ${formatDate(o.scheduled_at)}`,
        { text: formatHours(o.hoursOverdue), color: COLORS.warn, bold: true },
      ]),
      {
        title: `Overdue scorecards${input.summary.overdue > overdue.length ? ` (the ${overdue.length} oldest of ${input.summary.overdue})` : ""}`,
      },
    );
  }
  table(
    doc,
    [
      { header: "Interviewer", width: 160 },
      { header: "Submitted of due", width: 110 },
      { header: "Overdue", width: 80 },
      { header: "Median time to feedback", width: contentWidth(doc) - 350 },
    ],
    input.feedback.byInterviewer.map((i) => [
      i.name,
      `${i.submitted} of ${i.due}`,
      String(i.overdue),
      i.median_hours === null ? "—" : formatHours(i.median_hours),
    ]),
    { title: "Time to feedback per interviewer" },
  );

  heading(doc, "Calibration", 1);
  paragraph(
    doc,
    "Each interviewer's ratings against the median of the rest of the panel on the same candidates and competencies, in rating levels.",
    { color: COLORS.muted },
  );
  if (input.calibration.length === 0) paragraph(doc, "No submitted scorecards in view.", { color: COLORS.muted });
  else {
    table(
      doc,
      [
        { header: "Interviewer", width: 110 },
        { header: `Ratings given (${LEVELS.map((l) => l.label).join(" / ")})`, width: 150 },
        { header: "Vs panel median", width: 90 },
        { header: "Leaning", width: 70 },
        { header: "Hire rate", width: contentWidth(doc) - 420 },
      ],
      input.calibration.map((r) => [
        r.name,
        LEVELS.map((l) => r.distribution[l.id]).join(" / "),
        r.offset === null ? "—" : `${formatOffset(r.offset)} (${r.comparisons})`,
        { text: LEANING_LABELS[r.leaning], bold: r.leaning === "lenient" || r.leaning === "harsh" },
        r.hireRate === null ? "—" : formatPercent(r.hireRate),
      ]),
    );
  }

  // The rows on landscape pages, all of them (pdfkit's automatic page breaks follow the document's
  // options): eight columns across the whole width, with room for "Recommendation" on one line.
  const landscape = { ...documentOptions(doc), layout: "landscape" as const };
  documentOptions(doc).layout = "landscape";
  doc.addPage(landscape);
  heading(doc, "Interviews", 1);
  if (input.rows.length < input.totalRows) {
    paragraph(
      doc,
      `The first ${input.rows.length.toLocaleString("en-US")} of ${input.totalRows.toLocaleString("en-US")} rows ` +
        "in interview-date order; the CSV export has them all.",
      { color: COLORS.muted },
    );
  }
  if (input.rows.length === 0) paragraph(doc, "No interviews match these filters.", { color: COLORS.muted });
  else {
    table(
      doc,
      acrossThePage(doc, [
        ["Candidate", 3],
        ["Position", 3],
        ["Interviewer", 3],
        ["Stage and date", 3],
        ["Scorecard", 2],
        ["Recommendation", 2.6],
        ["Red flags", 1.4],
        ["Decision", 2.4],
      ]),
      input.rows.map((row): Cell[] => [
        row.candidate_name,
        row.position_title,
        row.interviewer_name,
        `${STAGE_LABELS[row.stage]}, ${formatDate(row.scheduled_at)}`,
        {
          text: ROW_STATUS_LABELS[row.status],
          bold: row.status === "overdue",
          color: row.status === "overdue" ? COLORS.warn : COLORS.text,
        },
        row.recommendation ? recommendationName(row.recommendation as RecommendationId) : "—",
        Object.keys(row.red_flags ?? {}).length ? String(Object.keys(row.red_flags ?? {}).length) : "—",
        row.decision ? OUTCOME_LABELS[row.decision as DecisionOutcome] : "—",
      ]),
    );
  }

  drawFooters(doc, "Confidential — recruiting report");
  doc.end();
  return doc;
}

// Columns sharing the page's content width by weight.
function acrossThePage(doc: Doc, columns: [header: string, weight: number][]): { header: string; width: number }[] {
  const total = columns.reduce((sum, [, weight]) => sum + weight, 0);
  return columns.map(([header, weight]) => ({ header, width: (contentWidth(doc) * weight) / total }));
}

// pdfkit keeps the options new pages are made with on the document; its types leave them out.
function documentOptions(doc: Doc): PDFKit.PDFDocumentOptions {
  return (doc as unknown as { options: PDFKit.PDFDocumentOptions }).options;
}

// Horizontal bars, longest = full width, each labelled with its count.
function barChart(doc: Doc, bars: { label: string; value: number }[]): void {
  const labelWidth = 110;
  const barHeight = 14;
  const gap = 6;
  const trackWidth = contentWidth(doc) - labelWidth - 50;
  const max = Math.max(1, ...bars.map((b) => b.value));
  ensureSpace(doc, bars.length * (barHeight + gap) + 10);
  const left = doc.page.margins.left;
  let y = doc.y + 4;
  for (const bar of bars) {
    setFont(doc, "regular", SIZES.body);
    doc.text(printable(doc, bar.label), left, y + 2, { width: labelWidth - 8, lineBreak: false });
    const width = (bar.value / max) * trackWidth;
    doc.rect(left + labelWidth, y, trackWidth, barHeight).fill(COLORS.fill);
    if (width > 0) doc.rect(left + labelWidth, y, width, barHeight).fill(COLORS.heading);
    setFont(doc, "bold", SIZES.body).text(String(bar.value), left + labelWidth + trackWidth + 6, y + 2, {
      width: 44,
      lineBreak: false,
    });
    y += barHeight + gap;
  }
  doc.x = left;
  doc.y = y + 4;
  setFont(doc, "regular", SIZES.body);
}
