import { useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import { DRAFTABLE_SECTIONS, type DraftableSection, type ScorecardContent } from "~/scorecards/scorecard.schema";
import { normalizeContent } from "~/scorecards/sections";
import { postJson } from "~/ui/post-json";
import type { DraftReply } from "./assist.schema";
import type { Draft } from "./draft.schema";

// Longer than the model server's own deadline, so its fallback reason reaches the page.
const DRAFT_TIMEOUT_MS = 90_000;

const LABEL: Record<DraftableSection, string> = {
  summary: "Formal summary",
  strengths: "Strengths",
  improvements: "Areas for improvement",
  redFlags: "Red flags",
  followUps: "Follow-up questions",
};

const isBlank = (value: ScorecardContent[DraftableSection] | Draft[DraftableSection]) =>
  typeof value === "string"
    ? value.trim() === ""
    : value.every((v) => (typeof v === "string" ? v.trim() === "" : false));

// Fills empty sections from the draft; sections the interviewer already wrote are only
// replaced after they say so.
export function useDraftAssistant(interviewId: string, form: UseFormReturn<ScorecardContent>) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState<{ draft: Draft; sections: DraftableSection[] } | null>(null);

  // A section the assistant had nothing for stays as it is, unmarked.
  function fill(draft: Draft, sections: readonly DraftableSection[]) {
    for (const section of sections.filter((s) => !isBlank(draft[s]))) {
      form.setValue(section, draft[section] as never, { shouldDirty: true });
      form.setValue(`provenance.${section}`, "drafted", { shouldDirty: true });
    }
  }

  async function requestDraft() {
    setBusy(true);
    setMessage(null);
    try {
      // One attempt: a draft is seconds of work, and the model server gets its own deadline.
      const { data } = await postJson<DraftReply>(
        `/interviews/${interviewId}/draft`,
        { content: normalizeContent(form.getValues()) },
        { timeoutMs: DRAFT_TIMEOUT_MS, retries: 0 },
      );
      if (!data?.ok) {
        setMessage(Object.values(data?.errors ?? {})[0] ?? "The assistant could not draft this time.");
        return;
      }
      const values = form.getValues();
      const empty = DRAFTABLE_SECTIONS.filter((s) => isBlank(values[s]));
      const written = DRAFTABLE_SECTIONS.filter((s) => !isBlank(values[s]));
      fill(data.draft, empty);
      const filled = empty.filter((s) => !isBlank(data.draft[s]));
      if (written.length) setPending({ draft: data.draft, sections: written });
      const source = data.source === "model" ? "the model server" : "the built-in drafter";
      setMessage(
        `Drafted by ${source}${data.fallbackReason ? ` (the model server failed: ${data.fallbackReason})` : ""}. ` +
          (filled.length ? `Filled: ${filled.map((s) => LABEL[s]).join(", ")}. ` : "") +
          "Read and edit every word before you submit.",
      );
    } catch {
      setMessage("Could not reach the server for a draft. Your notes are kept on this device.");
    } finally {
      setBusy(false);
    }
  }

  return {
    busy,
    message,
    pending: pending ? pending.sections.map((s) => LABEL[s]) : null,
    requestDraft,
    replaceWritten() {
      if (pending) fill(pending.draft, pending.sections);
      setPending(null);
    },
    keepWritten: () => setPending(null),
  };
}
