import { levelOf, recommendationOf, stars, type RatingValue, type RecommendationId } from "~/scorecards/rubric";

// How a rating, a recommendation and a severity read on the packet page.

export function Rating({ value }: { value: RatingValue | null }) {
  if (value === null) return <>Not rated</>;
  if (value === "not-assessed") return <span className="rating rating-na">Not assessed</span>;
  const level = levelOf(value);
  return (
    <span className={`rating rating-${level.id}`}>
      <span aria-hidden="true">{level.emoji}</span> {level.label}
    </span>
  );
}

export function Recommendation({ id }: { id: RecommendationId }) {
  const r = recommendationOf(id);
  return (
    <span className={`recommendation recommendation-${r.id}`}>
      <span aria-hidden="true">{r.emoji}</span> {r.label}
    </span>
  );
}

export function Stars({ severity }: { severity: number }) {
  return (
    <span className="stars" role="img" aria-label={`Severity ${severity} of 5`}>
      {stars(severity)}
    </span>
  );
}
