import { useEffect, useRef } from "react";
import type { useLiveMode } from "../LiveMode";

// Keyboard shortcuts inside the scorecard: Alt+↓/↑ moves between questions' notes (live mode's
// current question follows), Alt+S saves now.
export function useShortcuts(live: ReturnType<typeof useLiveMode>, saveNow: () => void) {
  const ref = useRef<HTMLFormElement>(null);
  const latest = useRef({ live, saveNow });
  useEffect(() => {
    latest.current = { live, saveNow };
  });
  useEffect(() => {
    const form = ref.current;
    if (!form) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey) return;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        const next = latest.current.live.move(event.key === "ArrowDown" ? 1 : -1);
        form.querySelector<HTMLTextAreaElement>(`[data-question-notes="${next}"]`)?.focus();
      } else if (event.key.toLowerCase() === "s") {
        event.preventDefault();
        latest.current.saveNow();
      }
    };
    form.addEventListener("keydown", onKeyDown);
    return () => form.removeEventListener("keydown", onKeyDown);
  }, []);
  return ref;
}
