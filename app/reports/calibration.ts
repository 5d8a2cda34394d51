import { COMPETENCY_IDS, LEVELS, LEVEL_IDS, RECOMMENDATIONS, type LevelId } from "~/scorecards/rubric";
import { LEANING_THRESHOLD, MIN_COMPARISONS, type Leaning } from "./report";

// How each interviewer rates compared with the rest of the panel on the same candidates. For
// every competency an interviewer rated, their level is compared with the median of the other
// interviewers' levels for that candidate and competency; the mean of those differences says
// whether they rate above (lenient) or below (harsh) the panel. Plain data in, plain data out.

export type CalibrationCard = {
  candidateId: string;
  interviewerId: string;
  interviewerName: string;
  ratings: Record<string, string | null>;
  recommendation: string | null;
  inView: boolean; // within the report's filters; the others only serve as the panel
};

export type RaterCalibration = {
  interviewerId: string;
  name: string;
  scorecards: number;
  distribution: Record<LevelId, number>;
  comparisons: number;
  offset: number | null; // mean levels above (+) or below (−) the panel median
  leaning: Leaning;
  hireRate: number | null; // share of recommendations that are hire or strong hire
};

const RANK = new Map<string, number>(LEVELS.map((l) => [l.id, l.rank]));
const HIRE = new Set<string>(RECOMMENDATIONS.filter((r) => r.hire).map((r) => r.id));

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function leaningOf(offset: number | null, comparisons: number): Leaning {
  if (offset === null || comparisons < MIN_COMPARISONS) return "too-few";
  if (offset >= LEANING_THRESHOLD) return "lenient";
  if (offset <= -LEANING_THRESHOLD) return "harsh";
  return "in-line";
}

export function calibrate(cards: readonly CalibrationCard[]): RaterCalibration[] {
  const byCandidate = new Map<string, CalibrationCard[]>();
  for (const card of cards) {
    const panel = byCandidate.get(card.candidateId);
    if (panel) panel.push(card);
    else byCandidate.set(card.candidateId, [card]);
  }

  type Tally = { name: string; scorecards: number; distribution: Record<LevelId, number>; diffs: number[]; recommended: number; hires: number };
  const raters = new Map<string, Tally>();
  for (const card of cards) {
    if (!card.inView) continue;
    let tally = raters.get(card.interviewerId);
    if (!tally) {
      tally = { name: card.interviewerName, scorecards: 0, distribution: emptyDistribution(), diffs: [], recommended: 0, hires: 0 };
      raters.set(card.interviewerId, tally);
    }
    tally.scorecards++;
    if (card.recommendation) {
      tally.recommended++;
      if (HIRE.has(card.recommendation)) tally.hires++;
    }
    // The panel: other people's scorecards on this candidate (a second interview by the same person is not a second opinion).
    const panel = byCandidate.get(card.candidateId)!.filter((other) => other.interviewerId !== card.interviewerId);
    for (const competency of COMPETENCY_IDS) {
      const own = RANK.get(card.ratings[competency] ?? "");
      if (own === undefined) continue;
      tally.distribution[card.ratings[competency] as LevelId]++;
      const panelMedian = median(panel.flatMap((other) => RANK.get(other.ratings[competency] ?? "") ?? []));
      if (panelMedian !== null) tally.diffs.push(own - panelMedian);
    }
  }

  return [...raters.entries()]
    .map(([interviewerId, t]): RaterCalibration => {
      const offset = t.diffs.length ? t.diffs.reduce((sum, d) => sum + d, 0) / t.diffs.length : null;
      return {
        interviewerId,
        name: t.name,
        scorecards: t.scorecards,
        distribution: t.distribution,
        comparisons: t.diffs.length,
        offset,
        leaning: leaningOf(offset, t.diffs.length),
        hireRate: t.recommended ? t.hires / t.recommended : null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.interviewerId.localeCompare(b.interviewerId));
}

function emptyDistribution(): Record<LevelId, number> {
  return Object.fromEntries(LEVEL_IDS.map((id) => [id, 0])) as Record<LevelId, number>;
}
