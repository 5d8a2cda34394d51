import { levelOf, recommendationOf, type RatingValue, type RecommendationId } from "~/scorecards/rubric";

// Words shared by the packet PDF and page: levels as their names (DejaVu has no colour emoji),
// dates in UTC so a packet reads the same wherever the server runs.

const dateFormat = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const timeFormat = new Intl.DateTimeFormat("en-GB", {
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
  timeZone: "UTC",
});

export function formatDate(date: Date): string {
  return dateFormat.format(date);
}
export function formatDateTime(date: Date): string {
  return `${dateFormat.format(date)}, ${timeFormat.format(date)} UTC`;
}

export function ratingName(rating: RatingValue | null): string {
  if (rating === null) return "Not rated";
  return rating === "not-assessed" ? "Not assessed" : levelOf(rating).label;
}

export function recommendationName(id: RecommendationId | null): string {
  return id ? recommendationOf(id).label : "None";
}

// Marks a scorecard section the assistant drafted ("drafted") or drafted and the interviewer changed ("edited").
export const PROVENANCE_LABELS = {
  drafted: "assistant draft",
  edited: "assistant draft, edited by interviewer",
} as const;
