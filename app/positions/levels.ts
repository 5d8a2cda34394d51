import { HIRING_LEVELS, type HiringLevel } from "~/scorecards/rubric";

const rank = (level: string) => HIRING_LEVELS.indexOf(level as HiringLevel);

// A candidate's level must lie within the position's range; "" (not stated) always fits.
export function levelOutsideRange(
  level: string,
  position: { title: string; level_min: string; level_max: string },
): string | null {
  if (!level) return null;
  if (rank(level) >= rank(position.level_min) && rank(level) <= rank(position.level_max)) return null;
  const range =
    position.level_min === position.level_max ? position.level_min : `${position.level_min}–${position.level_max}`;
  return `Level applied for: ${level} is outside ${position.title}'s range (${range})`;
}

// Spreadsheets write "staff", "SENIOR" or "junior-mid": each names one of the levels.
const folded = (value: string) =>
  value
    .trim()
    .toLowerCase()
    .replace(/[\s‐-―-]+/g, "-");
export function levelNamed(value: string): string {
  return HIRING_LEVELS.find((level) => folded(level) === folded(value)) ?? value;
}
