import type { CompetencyId, RedFlagCategory } from "~/scorecards/rubric";
import type { ScorecardContent } from "~/scorecards/scorecard.schema";
import type { DecisionOutcome } from "~/vocabulary/decisions";
import type { InterviewStage } from "~/vocabulary/stages";

// What the packet loader hands to the page, the aggregation and the PDF: plain data, no database.

export type Person = { id: string; name: string };

export type MissingStatus = "draft" | "not-started" | "overdue";
export const STATUS_LABELS: Record<MissingStatus | "submitted" | "withheld", string> = {
  submitted: "Submitted",
  withheld: "Submitted (hidden until yours is in)",
  draft: "Draft",
  "not-started": "Not started",
  overdue: "Overdue",
};

type InterviewBase = {
  id: string;
  interviewer: Person;
  stage: InterviewStage;
  scheduledAt: Date;
  durationMinutes: number;
  focus: { competencies: CompetencyId[]; questions: string[] };
  revision: number;
};

// A scorecard travels with the interview only once it is submitted: drafts stay their author's.
export type PacketInterview = InterviewBase &
  (
    | { status: "submitted"; submittedAt: Date; scorecard: ScorecardContent }
    // Submitted, but the viewer still owes their own feedback on this candidate (independence).
    | { status: "withheld"; submittedAt: Date; scorecard: null }
    | { status: MissingStatus; submittedAt: null; scorecard: null }
  );
export type SubmittedInterview = Extract<PacketInterview, { status: "submitted" }>;

// One committee member's debrief vote, with a one-line reason.
export type Vote = { name: string; outcome: DecisionOutcome; reason: string };
export type MissingScorecard = { interviewer: string; stage: string; status: string };

export type Decision = {
  outcome: DecisionOutcome;
  level: string | null;
  rationale: string;
  reason: string | null; // why a revision replaced the previous decision; null for the first one
  recordedBy: Person;
  recordedAt: Date;
  votes: Vote[]; // the debrief votes the decision was taken on
  missingScorecards: MissingScorecard[]; // scorecards not yet submitted when it was taken
  earlyReason: string | null; // why the committee decided with scorecards missing
};

// Votes are sealed until every member has voted: `votes` then holds only the viewer's own.
export type Debrief = { voters: { id: string; name: string; voted: boolean }[]; votes: Vote[]; sealed: boolean };

export type Packet = {
  candidate: { id: string; name: string; email: string; levelApplied: string | null };
  position: { id: string; title: string };
  generatedAt: Date;
  interviews: PacketInterview[]; // cancelled interviews are left out by the loader
  decision: Decision | null;
  decisionHistory: Decision[]; // oldest first, the current decision included
  debrief: Debrief;
  redFlagTitles: Record<RedFlagCategory, string>;
};

// The viewer sits on this candidate's panel and has not submitted yet: others' feedback is hidden.
export const ownFeedbackPending = (packet: Packet) => packet.interviews.some((i) => i.status === "withheld");

export const WITHHELD_NOTICE =
  "You are on this candidate's panel and your own scorecard is not submitted yet, so the other " +
  "interviewers' ratings, notes and red flags stay hidden until it is: your feedback stays independent. " +
  "You can see who has submitted.";
// In place of "nothing here" while the above holds: there may well be something, not shown yet.
export const WITHHELD_SHORT = "Hidden from you until your own scorecard is submitted.";
// A withheld scorecard is in: only its content is hidden from this viewer.
const isIn = (i: PacketInterview) => i.status === "submitted" || i.status === "withheld";
export const submittedCount = (packet: Packet) => packet.interviews.filter(isIn).length;
export const missingInterviews = (packet: Packet) => packet.interviews.filter((i) => !isIn(i));

// The packet as the page receives it over JSON: every Date an ISO string. `revivePacket` turns it back.
type DatesAsStrings<T> = T extends Date
  ? string
  : T extends (infer E)[]
    ? DatesAsStrings<E>[]
    : T extends object
      ? { [K in keyof T]: DatesAsStrings<T[K]> }
      : T;
export type PacketJson = DatesAsStrings<Packet>;

export function revivePacket(data: PacketJson): Packet {
  const decision = (d: DatesAsStrings<Decision>): Decision => ({ ...d, recordedAt: new Date(d.recordedAt) });
  return {
    ...data,
    generatedAt: new Date(data.generatedAt),
    interviews: data.interviews.map(
      (i) =>
        ({
          ...i,
          scheduledAt: new Date(i.scheduledAt),
          submittedAt: i.submittedAt ? new Date(i.submittedAt) : null,
        }) as PacketInterview,
    ),
    decision: data.decision ? decision(data.decision) : null,
    decisionHistory: data.decisionHistory.map(decision),
  };
}
