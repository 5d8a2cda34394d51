import type { JsonReply } from "~/ui/post-json";
import type { SavedVersion, ScorecardReply } from "./scorecard-action.schema";
import type { SaveState } from "./useAutosave";

export type WriteOutcome = ({ ok: true } & SavedVersion) | { ok: false; state: SaveState };

// The endpoint's answer as the page's save state. A 5xx counts as offline: the text is kept on
// this device and retried.
export function readReply({ status, data }: JsonReply<ScorecardReply>): WriteOutcome {
  if (data?.ok) return { ok: true, ...data.saved };
  if (status >= 500 || status === 0) return { ok: false, state: { kind: "offline" } };
  if (!data) return { ok: false, state: { kind: "error", message: `The server answered ${status}.` } };
  const message = data.errors.form ?? "";
  if (data.code === "conflict" && data.current)
    return { ok: false, state: { kind: "conflict", message, current: data.current } };
  if (data.code === "invalid") return { ok: false, state: { kind: "invalid", errors: data.errors } };
  return { ok: false, state: { kind: "error", message: message || `The server answered ${status}.` } };
}
