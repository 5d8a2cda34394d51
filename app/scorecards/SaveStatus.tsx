import { formatTime } from "~/ui/format";
import { useTimeZone } from "~/ui/useTimeZone";
import type { SaveState } from "./useAutosave";

export function SaveStatus({ state }: { state: SaveState }) {
  const [text, tone] = describe(state, useTimeZone());
  return (
    <p className={`save-status ${tone}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}

function describe(state: SaveState, timeZone: string): [string, string] {
  switch (state.kind) {
    case "idle":
      return ["Not saved yet", ""];
    case "unsaved":
      return ["Unsaved changes", ""];
    case "saving":
      return ["Saving…", ""];
    case "saved":
      return [`Saved ${formatTime(state.at, timeZone)}`, "ok"];
    case "offline":
      return ["Offline — kept on this device", "warn"];
    case "conflict":
      return ["Not saved: changed elsewhere", "bad"];
    case "invalid":
      return [`Not saved: ${Object.values(state.errors)[0] ?? "check the fields"}`, "bad"];
    case "error":
      return [`Not saved: ${state.message}`, "bad"];
  }
}
