import { INTERVIEW_STAGES, type InterviewStage } from "~db/schema";

export { INTERVIEW_STAGES, type InterviewStage };

export const STAGE_LABELS: Record<InterviewStage, string> = {
  "phone-screen": "Phone screen",
  onsite: "Onsite",
  final: "Final",
};

// Stored rows are checked on write, but an older row or a hand-edited one still prints as itself.
export const stageLabel = (stage: string) => STAGE_LABELS[stage as InterviewStage] ?? stage;
