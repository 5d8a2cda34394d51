import { useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { BiasWarning, ScorecardContent } from "../scorecard.schema";
import { submittableScorecardSchema } from "../scorecard.schema";
import { normalizeContent } from "../sections";
import { issueTarget } from "../issue-target";
import type { useAutosave } from "../useAutosave";
import { showFieldErrors, type SummaryIssue } from "~/ui/form";
import type { FieldErrors } from "~/ui/form-result";

type Autosave = ReturnType<typeof useAutosave>;
type Status = {
  submitting: boolean;
  // Bias warnings stand between the interviewer and Submit until they submit past them knowingly.
  biasPrompt: boolean;
  issues: SummaryIssue[];
  message: string | null;
  amendError: string | null;
};
const READY: Status = { submitting: false, biasPrompt: false, issues: [], message: null, amendError: null };
const OFFLINE = "Could not reach the server; your scorecard is kept on this device. Try again.";

// Submit and amend: the stricter schema first, then the amendment's reason, then the bias
// warnings, then the write (queued behind any autosave). Problems land on the fields and in a
// summary that takes focus.
export function useScorecardSubmit(opts: {
  form: UseFormReturn<ScorecardContent>;
  mode: "draft" | "amend";
  autosave: Autosave;
  biasWarnings: BiasWarning[];
  focusNext(id: string): void;
  onSubmitted(): void;
}) {
  const { form, mode, autosave, biasWarnings, focusNext } = opts;
  const [status, setStatus] = useState<Status>(READY);
  const [amendReason, setAmendReason] = useState("");

  function showIssues(entries: [path: string, message: string][]) {
    showFieldErrors(form, Object.fromEntries(entries), { focus: false });
    const issues = entries.map(([path, message]) => ({ ...issueTarget(path), message }));
    setStatus({ ...READY, issues });
    focusNext("error-summary");
  }

  async function submit(pastBias = false) {
    const content = { ...normalizeContent(form.getValues()), biasWarnings: pastBias ? biasWarnings : [] };
    const checked = submittableScorecardSchema.safeParse(content);
    if (!checked.success) return showIssues(checked.error.issues.map((issue) => [issue.path.join("."), issue.message]));
    if (mode === "amend" && amendReason.trim() === "")
      return setStatus({ ...READY, amendError: "Say why you are amending a submitted scorecard" });
    if (biasWarnings.length && !pastBias) return setStatus({ ...READY, biasPrompt: true });
    setStatus({ ...READY, submitting: true });
    const outcome = await autosave.commit(
      mode === "amend" ? { intent: "amend", content, reason: amendReason } : { intent: "submit", content },
    );
    if (outcome.ok) {
      setStatus(READY);
      autosave.forget();
      opts.onSubmitted();
      return;
    }
    autosave.setState(outcome.state);
    if (outcome.state.kind === "invalid") return showIssues(withoutContentPrefix(outcome.state.errors));
    setStatus({ ...READY, message: outcome.state.kind === "offline" ? OFFLINE : null });
  }

  return { status, submit, amendReason, setAmendReason };
}

// The endpoint parses { content, reason }: its field paths start with "content.".
function withoutContentPrefix(errors: FieldErrors): [string, string][] {
  return Object.entries(errors).map(([key, message]) => [key.replace(/^content\./, ""), message]);
}
