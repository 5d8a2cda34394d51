import { COMPETENCIES, competencyLabel, stars } from "~/scorecards/rubric";
import type { DraftableSection } from "~/scorecards/scorecard.schema";
import type { PanelColumn } from "../aggregate";
import { type SubmittedInterview } from "../packet";
import { STAGE_LABELS } from "~/vocabulary/stages";
import { PROVENANCE_LABELS, formatDateTime, ratingName, recommendationName } from "./format";
import { COLORS, SIZES, bulletList, heading, keyValues, paragraph, type Doc } from "./layout";
import { table } from "./table";

// One interview's full feedback, in the order of the seed evaluation: the questions and answers,
// then raw notes, summary, strengths, areas for improvement, ratings, recommendation, follow-ups
// and red flags.

export function interviewSection(
  doc: Doc,
  interview: SubmittedInterview,
  column: PanelColumn,
  redFlagTitle: (category: string) => string,
): void {
  const card = interview.scorecard;
  const tag = (section: DraftableSection) => {
    const mark = card.provenance[section];
    return mark ? PROVENANCE_LABELS[mark] : undefined;
  };

  heading(doc, `Interview: ${column.label}`, 1);
  keyValues(doc, [
    [
      "Stage",
      `${STAGE_LABELS[interview.stage]}, ${formatDateTime(interview.scheduledAt)}, ${interview.durationMinutes} min`,
    ],
    [
      "Submitted",
      `${formatDateTime(interview.submittedAt)}${interview.revision > 1 ? ` (revision ${interview.revision})` : ""}`,
    ],
    ["Focus", interview.focus.competencies.map(competencyLabel).join(", ") || "None set"],
  ]);

  if (card.biasWarnings.length > 0) {
    heading(doc, "Bias warnings the interviewer submitted past", 2);
    bulletList(
      doc,
      card.biasWarnings.map((w) => `${w.topic.replace(/-/g, " ")}: “${w.excerpt}” — ${w.message}`),
    );
  }

  card.answers.forEach((answer, i) => {
    heading(doc, `Question ${i + 1}`, 2);
    paragraph(doc, answer.question, { font: "bold" });
    paragraph(doc, answer.answer || "No answer recorded.", { color: answer.answer ? COLORS.text : COLORS.muted });
    if (answer.notes.trim()) paragraph(doc, `Notes: ${answer.notes}`, { color: COLORS.muted, size: SIZES.small });
  });

  heading(doc, "1. Raw notes", 2);
  paragraph(doc, card.notes.trim() || "No general notes.", { color: card.notes.trim() ? COLORS.text : COLORS.muted });
  heading(doc, "2. Formal summary", 2, { tag: tag("summary") });
  paragraph(doc, card.summary);
  heading(doc, "3. Strengths", 2, { tag: tag("strengths") });
  bulletList(doc, card.strengths);
  heading(doc, "4. Areas for improvement", 2, { tag: tag("improvements") });
  bulletList(doc, card.improvements);
  table(
    doc,
    [
      { header: "Competency", width: 200 },
      { header: "Rating", width: 120 },
    ],
    COMPETENCIES.map((c) => [c.label, ratingName(card.ratings[c.id])]),
    { title: "5. Competency ratings" },
  );
  heading(doc, "6. Recommendation", 2);
  keyValues(doc, [
    ["Overall", recommendationName(card.recommendation)],
    ["Level", card.level ?? "None given"],
  ]);
  heading(doc, "7. Probing follow-up questions", 2, { tag: tag("followUps") });
  bulletList(doc, card.followUps, { numbered: true });

  heading(doc, "Red flags", 2, { tag: tag("redFlags") });
  if (card.redFlags.length === 0) return paragraph(doc, "No red flags raised.", { color: COLORS.muted });
  for (const flag of card.redFlags) {
    paragraph(doc, `${redFlagTitle(flag.category)}  ${stars(flag.severity)}`, { font: "bold", gap: 2 });
    keyValues(doc, [
      ["Justification", flag.justification || "None given"],
      ...(flag.evidence.length
        ? [["Evidence", flag.evidence.map((e) => `“${e}”`).join("; ")] as [string, string]]
        : []),
      ["Suggestion", flag.suggestion || "None given"],
    ]);
    doc.moveDown(0.4);
  }
}
