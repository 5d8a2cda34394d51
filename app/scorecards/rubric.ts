// The fixed vocabulary of a scorecard. Ids are code (forms, schemas and stored rows depend on
// them); the descriptions an admin may reword live in templates/.

export const COMPETENCIES = [
  { id: "ownership", label: "Ownership" },
  { id: "problem-solving", label: "Problem Solving" },
  { id: "execution", label: "Execution" },
  { id: "collaboration", label: "Collaboration" },
  { id: "communication", label: "Communication" },
  { id: "leadership", label: "Leadership / Influence" },
  { id: "culture-fit", label: "Culture Fit" },
] as const;
export type CompetencyId = (typeof COMPETENCIES)[number]["id"];
export const COMPETENCY_IDS = COMPETENCIES.map((c) => c.id) as [CompetencyId, ...CompetencyId[]];

// Low to high; `rank` orders them for medians and spreads.
export const LEVELS = [
  { id: "strong-no", label: "Strong No", emoji: "⛔", rank: 1 },
  { id: "below", label: "Below", emoji: "👎", rank: 2 },
  { id: "meets", label: "Meets", emoji: "👌", rank: 3 },
  { id: "meets-plus", label: "Meets+", emoji: "👍", rank: 4 },
  { id: "strong", label: "Strong", emoji: "🌟", rank: 5 },
] as const;
export type LevelId = (typeof LEVELS)[number]["id"];
export const LEVEL_IDS = LEVELS.map((l) => l.id) as [LevelId, ...LevelId[]];
export const NOT_ASSESSED = "not-assessed" as const;
export type RatingValue = LevelId | typeof NOT_ASSESSED;

export const RECOMMENDATIONS = [
  { id: "strong-no-hire", label: "Strong No Hire", emoji: "⛔", hire: false },
  { id: "no-hire", label: "No Hire", emoji: "👎", hire: false },
  { id: "hire", label: "Hire", emoji: "👍", hire: true },
  { id: "strong-hire", label: "Strong Hire", emoji: "🌟", hire: true },
] as const;
export type RecommendationId = (typeof RECOMMENDATIONS)[number]["id"];
export const RECOMMENDATION_IDS = RECOMMENDATIONS.map((r) => r.id) as [RecommendationId, ...RecommendationId[]];

export const HIRING_LEVELS = ["Junior", "Junior–Mid", "Mid", "Senior", "Staff"] as const;
export type HiringLevel = (typeof HIRING_LEVELS)[number];

export const RED_FLAG_CATEGORIES = [
  "overclaiming",
  "ambiguity-avoidance",
  "lack-of-reflection",
  "blame-shifting",
  "unquantified-impact",
  "hypothetical-answer",
  "generic-answer",
  "inconsistency",
] as const;
export type RedFlagCategory = (typeof RED_FLAG_CATEGORIES)[number];

export const QUESTION_KINDS = ["behavioral", "situational"] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

export function competencyLabel(id: CompetencyId): string {
  return COMPETENCIES.find((c) => c.id === id)!.label;
}
export function levelOf(id: LevelId) {
  return LEVELS.find((l) => l.id === id)!;
}
export function recommendationOf(id: RecommendationId) {
  return RECOMMENDATIONS.find((r) => r.id === id)!;
}
export function stars(severity: number): string {
  return "★".repeat(severity) + "☆".repeat(5 - severity);
}
