import { BiasWarnings } from "~/assistant/BiasWarnings";
import { ErrorSummary, Field, FormError } from "~/ui/form";
import type { BiasWarning } from "../scorecard.schema";
import type { useScorecardSubmit } from "./useScorecardSubmit";

type Props = {
  mode: "draft" | "amend";
  submission: ReturnType<typeof useScorecardSubmit>;
  biasWarnings: BiasWarning[];
  onCancelAmend?(): void;
};

export function SubmitRow({ mode, submission, biasWarnings, onCancelAmend }: Props) {
  const { status, amendReason, setAmendReason, submit } = submission;
  return (
    <div className="submit-row">
      {mode === "amend" ? (
        <Field
          id="amend-reason"
          label="Reason for amending"
          error={status.amendError ? { message: status.amendError } : undefined}
        >
          {(aria) => (
            <textarea {...aria} rows={2} value={amendReason} onChange={(e) => setAmendReason(e.target.value)} />
          )}
        </Field>
      ) : null}
      {status.biasPrompt ? (
        <div className="notice" role="alert">
          <BiasWarnings warnings={biasWarnings} />
          <p>
            Reword them, or submit anyway: the warnings are recorded with your scorecard and shown to the committee.
          </p>
          <button type="button" onClick={() => void submit(true)} disabled={status.submitting}>
            Submit anyway
          </button>
        </div>
      ) : null}
      <ErrorSummary issues={status.issues} />
      <FormError message={status.message} />
      <button type="submit" disabled={status.submitting}>
        {status.submitting ? "Submitting…" : mode === "amend" ? "Submit amendment" : "Submit scorecard"}
      </button>
      {mode === "amend" ? (
        <button type="button" className="secondary" onClick={onCancelAmend}>
          Cancel
        </button>
      ) : null}
    </div>
  );
}
