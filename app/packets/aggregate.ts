import {
  COMPETENCIES,
  LEVELS,
  RECOMMENDATIONS,
  RED_FLAG_CATEGORIES,
  levelOf,
  recommendationOf,
  type CompetencyId,
  type LevelId,
  type RatingValue,
  type RecommendationId,
  type RedFlagCategory,
} from "~/scorecards/rubric";
import { type MissingStatus, type Packet, type PacketInterview, type Person, type SubmittedInterview } from "./packet";
import { STAGE_LABELS } from "~/vocabulary/stages";

// The committee's view across the panel. Only submitted scorecards count; everything else is
// listed as missing so nobody mistakes a quiet panel for an agreeing one.

export type PanelColumn = {
  interviewId: string;
  interviewer: Person;
  label: string; // the interviewer's name, with the stage when they interviewed more than once
};

export type CompetencyRow = {
  competency: CompetencyId;
  label: string;
  ratings: RatingValue[]; // one per panel column, same order
  assessed: number;
  median: number | null; // in level ranks; may end in .5 for an even count
  medianLabel: string | null;
  spread: number | null; // highest rank minus lowest rank
};

export type Said<T> = { column: PanelColumn; value: T };

export type Disagreement =
  | { kind: "competency"; competency: CompetencyId; label: string; spread: number; ratings: Said<LevelId>[] }
  | { kind: "recommendation"; hire: Said<RecommendationId>[]; noHire: Said<RecommendationId>[] };

export type MergedRedFlag = {
  category: RedFlagCategory;
  title: string;
  interviewerCount: number;
  maxSeverity: number;
  raisedBy: { column: PanelColumn; severity: number; justification: string; evidence: string[]; suggestion: string }[];
};

export type MissingScorecard = {
  interviewId: string;
  interviewer: Person;
  stage: PacketInterview["stage"];
  scheduledAt: Date;
  status: MissingStatus;
};

export type PacketAggregate = {
  columns: PanelColumn[];
  matrix: CompetencyRow[];
  tally: { recommendation: RecommendationId; label: string; count: number }[];
  tallyText: string;
  // Each interviewer's overall and level recommendation, side by side.
  recommendations: { column: PanelColumn; recommendation: RecommendationId | null; level: string | null }[];
  disagreements: Disagreement[];
  redFlags: MergedRedFlag[];
  openQuestions: { column: PanelColumn; questions: string[] }[];
  missing: MissingScorecard[];
};

// Ratings two or more levels apart are worth the committee's discussion.
export const DISAGREEMENT_SPREAD = 2;

export function submittedInterviews(packet: Packet): SubmittedInterview[] {
  return byDate(packet.interviews).filter((i): i is SubmittedInterview => i.status === "submitted");
}

export function aggregatePacket(packet: Packet): PacketAggregate {
  const submitted = submittedInterviews(packet);
  const columns = panelColumns(submitted);
  const cards = submitted.map((interview, i) => ({ column: columns[i], card: interview.scorecard }));

  const matrix = COMPETENCIES.map(({ id, label }): CompetencyRow => {
    const ratings = cards.map(({ card }) => card.ratings[id] ?? "not-assessed");
    const ranks = ratings
      .filter(isLevel)
      .map((level) => levelOf(level).rank)
      .sort((a, b) => a - b);
    const median = medianOf(ranks);
    return {
      competency: id,
      label,
      ratings,
      assessed: ranks.length,
      median,
      medianLabel: median === null ? null : rankLabel(median),
      spread: ranks.length === 0 ? null : ranks[ranks.length - 1] - ranks[0],
    };
  });

  const recommended = cards.flatMap(({ column, card }) =>
    card.recommendation ? [{ column, value: card.recommendation }] : [],
  );
  const tally = [...RECOMMENDATIONS]
    .reverse()
    .map((r) => ({ recommendation: r.id, label: r.label, count: recommended.filter((s) => s.value === r.id).length }))
    .filter((t) => t.count > 0);

  return {
    columns,
    matrix,
    tally,
    tallyText: tally.map((t) => `${t.count} ${t.label}`).join(", "),
    recommendations: cards.map(({ column, card }) => ({
      column,
      recommendation: card.recommendation,
      level: card.level,
    })),
    disagreements: [...competencyDisagreements(matrix, columns), ...recommendationSplit(recommended)],
    redFlags: mergeRedFlags(cards, packet.redFlagTitles),
    openQuestions: cards
      .filter(({ card }) => card.followUps.length > 0)
      .map(({ column, card }) => ({ column, questions: card.followUps })),
    missing: byDate(packet.interviews).flatMap((i) =>
      i.status === "submitted" || i.status === "withheld"
        ? []
        : [
            {
              interviewId: i.id,
              interviewer: i.interviewer,
              stage: i.stage,
              scheduledAt: i.scheduledAt,
              status: i.status,
            },
          ],
    ),
  };
}

function byDate<T extends { scheduledAt: Date }>(interviews: T[]): T[] {
  return [...interviews].sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime());
}

function panelColumns(submitted: SubmittedInterview[]): PanelColumn[] {
  return submitted.map((interview) => {
    const repeated = submitted.filter((other) => other.interviewer.id === interview.interviewer.id).length > 1;
    return {
      interviewId: interview.id,
      interviewer: interview.interviewer,
      label: repeated ? `${interview.interviewer.name} (${STAGE_LABELS[interview.stage]})` : interview.interviewer.name,
    };
  });
}

function isLevel(rating: RatingValue): rating is LevelId {
  return rating !== "not-assessed";
}

// Median of sorted ranks; for an even count, the mean of the two middle ranks (so 3.5 = between
// Meets and Meets+), rather than silently picking one side.
function medianOf(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function rankLabel(rank: number): string {
  const at = (r: number) => LEVELS.find((l) => l.rank === r)!.label;
  return Number.isInteger(rank) ? at(rank) : `${at(Math.floor(rank))}–${at(Math.ceil(rank))}`;
}

function competencyDisagreements(matrix: CompetencyRow[], columns: PanelColumn[]): Disagreement[] {
  return matrix
    .filter((row) => row.spread !== null && row.spread >= DISAGREEMENT_SPREAD)
    .map((row) => ({
      kind: "competency",
      competency: row.competency,
      label: row.label,
      spread: row.spread!,
      ratings: row.ratings.flatMap((value, i) => (isLevel(value) ? [{ column: columns[i], value }] : [])),
    }));
}

function recommendationSplit(recommended: Said<RecommendationId>[]): Disagreement[] {
  const hire = recommended.filter((s) => recommendationOf(s.value).hire);
  const noHire = recommended.filter((s) => !recommendationOf(s.value).hire);
  return hire.length > 0 && noHire.length > 0 ? [{ kind: "recommendation", hire, noHire }] : [];
}

function mergeRedFlags(
  cards: { column: PanelColumn; card: SubmittedInterview["scorecard"] }[],
  titles: Packet["redFlagTitles"],
): MergedRedFlag[] {
  const merged = RED_FLAG_CATEGORIES.flatMap((category): MergedRedFlag[] => {
    const raisedBy = cards.flatMap(({ column, card }) =>
      card.redFlags
        .filter((flag) => flag.category === category)
        .map(({ severity, justification, evidence, suggestion }) => ({
          column,
          severity,
          justification,
          evidence,
          suggestion,
        })),
    );
    if (raisedBy.length === 0) return [];
    return [
      {
        category,
        title: titles[category],
        interviewerCount: new Set(raisedBy.map((r) => r.column.interviewer.id)).size,
        maxSeverity: Math.max(...raisedBy.map((r) => r.severity)),
        raisedBy,
      },
    ];
  });
  // Most serious first, then the most widely raised; taxonomy order breaks ties.
  return merged.sort((a, b) => b.maxSeverity - a.maxSeverity || b.interviewerCount - a.interviewerCount);
}
