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
  // Ranks read once per card (0: not rated), and each candidate's panel gathered once: the page
  // calibrates tens of thousands of scorecards, so the inner loop allocates nothing per rating.
  const ranks = cards.map((card) => COMPETENCY_IDS.map((competency) => RANK.get(card.ratings[competency] ?? "") ?? 0));
  const byCandidate = new Map<string, number[]>();
  cards.forEach((card, i) => {
    const panel = byCandidate.get(card.candidateId);
    if (panel) panel.push(i);
    else byCandidate.set(card.candidateId, [i]);
  });

  type Tally = {
    name: string;
    scorecards: number;
    distribution: Record<LevelId, number>;
    diffSum: number;
    comparisons: number;
    recommended: number;
    hires: number;
  };
  const raters = new Map<string, Tally>();
  const others: number[] = [];
  cards.forEach((card, i) => {
    if (!card.inView) return;
    let tally = raters.get(card.interviewerId);
    if (!tally) {
      tally = {
        name: card.interviewerName,
        scorecards: 0,
        distribution: emptyDistribution(),
        diffSum: 0,
        comparisons: 0,
        recommended: 0,
        hires: 0,
      };
      raters.set(card.interviewerId, tally);
    }
    tally.scorecards++;
    if (card.recommendation) {
      tally.recommended++;
      if (HIRE.has(card.recommendation)) tally.hires++;
    }
    // The panel: other people's scorecards on this candidate (a second interview by the same person is not a second opinion).
    const panel = byCandidate.get(card.candidateId)!;
    COMPETENCY_IDS.forEach((competency, k) => {
      const own = ranks[i][k];
      if (own === 0) return;
      tally.distribution[card.ratings[competency] as LevelId]++;
      others.length = 0;
      for (const j of panel)
        if (ranks[j][k] !== 0 && cards[j].interviewerId !== card.interviewerId) others.push(ranks[j][k]);
      const panelMedian = median(others);
      if (panelMedian !== null) {
        tally.diffSum += own - panelMedian;
        tally.comparisons++;
      }
    });
  });

  return [...raters.entries()]
    .map(([interviewerId, t]): RaterCalibration => {
      const offset = t.comparisons ? t.diffSum / t.comparisons : null;
      return {
        interviewerId,
        name: t.name,
        scorecards: t.scorecards,
        distribution: t.distribution,
        comparisons: t.comparisons,
        offset,
        leaning: leaningOf(offset, t.comparisons),
        hireRate: t.recommended ? t.hires / t.recommended : null,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || a.interviewerId.localeCompare(b.interviewerId));
}

function emptyDistribution(): Record<LevelId, number> {
  return Object.fromEntries(LEVEL_IDS.map((id) => [id, 0])) as Record<LevelId, number>;
}
