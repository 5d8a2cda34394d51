import { COMPETENCIES, levelOf, recommendationOf, stars, type RedFlagCategory } from "./rubric";
import type { ScorecardContent } from "./scorecard.schema";

// A submitted scorecard as Markdown, in the layout of the evaluation the product grew from:
// question/answer pairs, seven feedback sections, four red-flag sections.

export type MarkdownMeta = { date: Date; redFlagTitle: (category: RedFlagCategory) => string };

const FEEDBACK_RULE = "=".repeat(60);
const RED_FLAG_RULE = "=".repeat(21);

export function scorecardToMarkdown(card: ScorecardContent, meta: MarkdownMeta): string {
  const title = (category: RedFlagCategory) => inline(meta.redFlagTitle(category));
  const recommendation = card.recommendation ? recommendationOf(card.recommendation) : null;
  const flags = card.redFlags;
  const blocks = [
    `# Red Flag Evaluation (${yyyymmdd(meta.date)})`,
    `**Rating**: ${recommendation?.label ?? "Not decided"}`,
    ...card.answers.flatMap((a) => [
      "## Question",
      block(a.question) || "_No question text_",
      "## Answer",
      block(a.answer) || "_No answer recorded_",
    ]),
    "## Feedback",
    section(FEEDBACK_RULE, "1. Raw Notes (taken during the interview)", rawNotes(card)),
    section(FEEDBACK_RULE, "2. Formal Summary (for the hiring committee)", block(card.summary) || "_None_"),
    section(FEEDBACK_RULE, "3. Strengths", bullets(card.strengths)),
    section(FEEDBACK_RULE, "4. Areas for Improvement", bullets(card.improvements)),
    section(
      FEEDBACK_RULE,
      "5. Competency Ratings",
      bullets(
        COMPETENCIES.map((c) => `${c.label}: ${ratingText(card.ratings[c.id])}`),
        false,
      ),
    ),
    section(
      FEEDBACK_RULE,
      "6. Final Recommendation",
      bullets(
        [
          recommendation ? `${recommendation.emoji} ${recommendation.label}` : "Not decided",
          ...(card.level ? [`Level: ${card.level}`] : []),
        ],
        false,
      ),
    ),
    section(FEEDBACK_RULE, "7. Probing Follow-up Questions", numbered(card.followUps)),
    "## Red Flag",
    section(
      RED_FLAG_RULE,
      "1. Red Flag Detection",
      flags.length === 0
        ? "- No red flags raised"
        : flags
            .map(
              (f) =>
                `- ${title(f.category)}${f.evidence.length ? `: ${f.evidence.map((e) => `“${inline(e)}”`).join("; ")}` : ""}`,
            )
            .join("\n"),
    ),
    section(
      RED_FLAG_RULE,
      "2. Red Flag Severity Rating",
      flags.map((f) => `- ${title(f.category)}: ${stars(f.severity)}`).join("\n") || "- None",
    ),
    section(RED_FLAG_RULE, "3. Short Justification", bullets(flags.map((f) => f.justification))),
    section(RED_FLAG_RULE, "4. Improvement Suggestions", bullets(flags.map((f) => f.suggestion))),
  ];
  return blocks.join("\n\n") + "\n";
}

function yyyymmdd(date: Date): string {
  // UTC, so the same scorecard exports the same heading wherever the server runs.
  return date.toISOString().slice(0, 10).replace(/-/g, "");
}

function section(rule: string, heading: string, body: string): string {
  return `${rule}\n${heading}\n${body}`;
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
