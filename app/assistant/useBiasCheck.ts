import { useEffect, useRef, useState } from "react";
import type { BiasWarning } from "~/scorecards/scorecard.schema";

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
        const response = await fetch(`/interviews/${interviewId}/bias`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ text }),
        });
        if (!response.ok || ticket !== latest.current) return;
        setWarnings((await response.json()).warnings);
      } catch {
        // offline: the check runs again at the next pause
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [interviewId, text, enabled]);
  return warnings;
}
