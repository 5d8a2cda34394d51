import { COMPETENCIES, levelOf, recommendationOf, stars, type RedFlagCategory } from "./rubric";
import type { ScorecardContent } from "./scorecard.schema";

// A submitted scorecard as Markdown: a header saying whose interview it was, then the
// question/answer pairs, the seven feedback sections and the four red-flag sections of the
// evaluation the product grew from, each a level-3 heading under its level-2 part.

export type MarkdownMeta = {
  candidate: string;
  position: string;
  interviewer: string;
  stage: string;
  // Already worded by the one date formatter, in the interview's time zone.
  interviewedAt: string;
  submittedAt: string;
  redFlagTitle: (category: RedFlagCategory) => string;
};

export function scorecardToMarkdown(card: ScorecardContent, meta: MarkdownMeta): string {
  const title = (category: RedFlagCategory) => inline(meta.redFlagTitle(category));
  const recommendation = card.recommendation ? recommendationOf(card.recommendation) : null;
  const flags = card.redFlags;
  const blocks = [
    `# Scorecard: ${inline(meta.candidate)}`,
    [
      `- **Candidate**: ${inline(meta.candidate)}`,
      `- **Position**: ${inline(meta.position)}`,
      `- **Interviewer**: ${inline(meta.interviewer)}`,
      `- **Stage**: ${inline(meta.stage)}`,
      `- **Interview**: ${inline(meta.interviewedAt)}`,
      `- **Submitted**: ${inline(meta.submittedAt)}`,
      `- **Rating**: ${recommendation?.label ?? "Not decided"}`,
    ].join("\n"),
    "## Questions and answers",
    ...card.answers.flatMap((a, i) => [
      `### Q${i + 1}. ${inline(a.question) || "_No question text_"}`,
      block(a.answer) || "_No answer recorded_",
    ]),
    "## Feedback",
    section("1. Raw Notes (taken during the interview)", rawNotes(card)),
    section("2. Formal Summary (for the hiring committee)", block(card.summary) || "_None_"),
    section("3. Strengths", bullets(card.strengths)),
    section("4. Areas for Improvement", bullets(card.improvements)),
    section(
      "5. Competency Ratings",
      bullets(
        COMPETENCIES.map((c) => `${c.label}: ${ratingText(card.ratings[c.id])}`),
        false,
      ),
    ),
    section(
      "6. Final Recommendation",
      bullets(
        [
          recommendation ? `${recommendation.emoji} ${recommendation.label}` : "Not decided",
          ...(card.level ? [`Level: ${card.level}`] : []),
        ],
        false,
      ),
    ),
    section("7. Probing Follow-up Questions", numbered(card.followUps)),
    "## Red Flags",
    section(
      "1. Red Flag Detection",
      flags.length === 0
        ? "- No red flags raised"
        : flags.map((f) => `- ${title(f.category)}${quotes(f.evidence)}`).join("\n"),
    ),
    section(
      "2. Red Flag Severity Rating",
      flags.map((f) => `- ${title(f.category)}: ${stars(f.severity)}`).join("\n") || "- None",
    ),
    section("3. Short Justification", bullets(flags.map((f) => f.justification))),
    section("4. Improvement Suggestions", bullets(flags.map((f) => f.suggestion))),
  ];
  return blocks.join("\n\n") + "\n";
}

function section(heading: string, body: string): string {
  return `### ${heading}\n\n${body}`;
}

function quotes(evidence: readonly string[]): string {
  return evidence.length ? `: ${evidence.map((e) => `“${inline(e)}”`).join("; ")}` : "";
}

function ratingText(rating: ScorecardContent["ratings"][keyof ScorecardContent["ratings"]]): string {
  if (rating === null) return "Not rated";
  if (rating === "not-assessed") return "Not assessed";
  const level = levelOf(rating);
  return `${level.label} (${level.emoji})`;
}

function rawNotes(card: ScorecardContent): string {
  const noteLines = (text: string) =>
    text
      .split(LINE_BREAK)
      .map((l) => l.replace(/^\s*(?:[-*•]\s+)?/, ""))
      .filter((l) => l.trim() !== "");
  const general = noteLines(card.notes);
  const perQuestion = card.answers.filter((a) => a.notes.trim() !== "");
  // One question and no general notes: plain bullets, as in the seed; otherwise label each question's notes.
  const labelled = general.length > 0 || card.answers.length > 1;
  const parts = [
    ...(general.length ? [bullets(general)] : []),
    ...perQuestion.map((a) => {
      const list = bullets(noteLines(a.notes));
      return labelled ? `_Notes on question ${card.answers.indexOf(a) + 1}: ${inline(a.question)}_\n${list}` : list;
    }),
  ];
  return parts.join("\n\n") || "- None";
}

function bullets(items: readonly string[], escape = true): string {
  const lines = items.filter((i) => i.trim() !== "").map((i) => `- ${escape ? inline(i) : i}`);
  return lines.join("\n") || "- None";
}

function numbered(items: readonly string[]): string {
  const lines = items.filter((i) => i.trim() !== "").map((i, n) => `${n + 1}. ${inline(i)}`);
  return lines.join("\n") || "- None";
}

// User text cannot add structure: Markdown punctuation is backslash-escaped (so `<script>` stays
// text), and a line may not start a heading, list, quote, rule, setext underline or code block.
// CommonMark ends a line at a lone \r too; splitting only on \n would let "x\r# y" become a heading.
const LINE_BREAK = /\r\n|\r|\n/;
const INLINE_SPECIALS = /[\\`*_[\]<>&|~]/g;
const LINE_START_SPECIALS = /^([#>+=-]|\d+(?=[.)]))/;

function inline(text: string): string {
  return escapeLine(text.replace(/\s+/g, " ").trim());
}

function escapeLine(line: string): string {
  return line
    .replace(INLINE_SPECIALS, "\\$&")
    .replace(LINE_START_SPECIALS, (m) => (/^\d/.test(m) ? `${m}\\` : `\\${m}`));
}

// Paragraphs keep their breaks; each line is escaped and loses the indentation that would make it code.
function block(text: string): string {
  return text
    .trim()
    .split(LINE_BREAK)
    .map((line) => escapeLine(line.trimStart()))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n");
}
