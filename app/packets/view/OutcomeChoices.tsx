import type { UseFormRegisterReturn } from "react-hook-form";
import { DECISION_OUTCOMES, OUTCOME_LABELS } from "~/vocabulary/decisions";

export // Hire / no hire / more interviews: the same radio group for a vote and for the decision.
function OutcomeChoices({
  legend,
  errorId,
  error,
  field,
}: {
  legend: string;
  errorId: string;
  error?: string;
  field: UseFormRegisterReturn;
}) {
  return (
    <fieldset className="field" aria-invalid={Boolean(error)} aria-describedby={error ? errorId : undefined}>
      <legend>{legend}</legend>
      <div className="outcome-choices">
        {DECISION_OUTCOMES.map((outcome) => (
          <label key={outcome} className="choice">
            <input type="radio" value={outcome} {...field} /> {OUTCOME_LABELS[outcome]}
          </label>
        ))}
      </div>
      {error ? (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
