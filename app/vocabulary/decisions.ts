import { DECISION_OUTCOMES, type DecisionOutcome } from "~db/schema";

export { DECISION_OUTCOMES, type DecisionOutcome };

export const OUTCOME_LABELS: Record<DecisionOutcome, string> = {
  hire: "Hire",
  "no-hire": "No hire",
  "more-interviews": "More interviews",
};
