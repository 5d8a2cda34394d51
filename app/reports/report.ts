import type { RowStatus, SortKey } from "~db/queries/reports";

// Words and shapes the reports page, the PDF and the CSV share. No server code here: the page
// imports it too (the query module is imported for its types only).

export type { RowStatus, SortKey };
export const SORT_KEYS = [
  "candidate",
  "position",
  "stage",
  "interviewer",
  "date",
  "submitted",
  "status",
  "recommendation",
  "decision",
] as const satisfies readonly SortKey[];

export const ROW_STATUSES = ["submitted", "overdue", "draft", "not-started"] as const satisfies readonly RowStatus[];
export const ROW_STATUS_LABELS: Record<RowStatus, string> = {
  submitted: "Submitted",
  overdue: "Overdue",
  draft: "Draft",
  "not-started": "Not started",
};

export const SORT_LABELS: Record<SortKey, string> = {
  candidate: "Candidate",
  position: "Position",
  stage: "Stage",
  interviewer: "Interviewer",
  date: "Interview date",
  submitted: "Submitted",
  status: "Scorecard",
  recommendation: "Recommendation",
  decision: "Decision",
};

export const PAGE_SIZE = 50;
// Beyond this, the PDF points to the CSV: a report is for reading, the CSV for every row.
export const PDF_ROW_LIMIT = 1_000;
export const ZIP_CANDIDATE_LIMIT = 50;

// Calibration: how far a rater sits from the rest of the panel, in rating levels.
export const LEANING_THRESHOLD = 0.5;
export const MIN_COMPARISONS = 5;
export type Leaning = "lenient" | "harsh" | "in-line" | "too-few";
export const LEANING_LABELS: Record<Leaning, string> = {
  lenient: "Lenient",
  harsh: "Harsh",
  "in-line": "In line",
  "too-few": "Too few to say",
};

export function leaningOf(offset: number | null, comparisons: number): Leaning {
  if (offset === null || comparisons < MIN_COMPARISONS) return "too-few";
  if (offset >= LEANING_THRESHOLD) return "lenient";
  if (offset <= -LEANING_THRESHOLD) return "harsh";
  return "in-line";
}
