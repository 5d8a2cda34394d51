import { useEffect, useRef, useState } from "react";
import type { BiasWarning } from "~/scorecards/scorecard.schema";
import { postJson } from "~/ui/post-json";
import type { BiasReply } from "./assist.schema";

const DEBOUNCE_MS = 800;

// Checks the interviewer's own words (notes and summary) as they type, after a pause.
export function useBiasCheck(interviewId: string, text: string, enabled: boolean) {
  const [warnings, setWarnings] = useState<BiasWarning[]>([]);
  const latest = useRef(0);
  useEffect(() => {
    if (!enabled || text.trim() === "") {
      setWarnings([]);
      return;
    }
    const ticket = ++latest.current;
    const timer = setTimeout(async () => {
      try {
        // No retry: the check runs again at the next pause in typing.
        const { data } = await postJson<BiasReply>(`/interviews/${interviewId}/bias`, { text }, { retries: 0 });
        if (data?.ok && ticket === latest.current) setWarnings(data.warnings);
      } catch {
        // offline: the check runs again at the next pause
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [interviewId, text, enabled]);
  return warnings;
}
