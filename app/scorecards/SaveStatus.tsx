import type { SaveState } from "./useAutosave";

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

export function SaveStatus({ state }: { state: SaveState }) {
  const [text, tone] = describe(state);
  return (
    <p className={`save-status ${tone}`} role="status" aria-live="polite">
      {text}
    </p>
  );
}

function describe(state: SaveState): [string, string] {
  switch (state.kind) {
    case "idle":
      return ["Not saved yet", ""];
    case "unsaved":
      return ["Unsaved changes", ""];
    case "saving":
      return ["Saving…", ""];
    case "saved":
      return [`Saved ${time(state.at)}`, "ok"];
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
