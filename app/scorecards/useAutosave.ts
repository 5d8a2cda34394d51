import { useCallback, useEffect, useRef, useState } from "react";
import type { ScorecardContent } from "./scorecard.schema";
import { dropLocalCopy, writeLocalCopy } from "./local-copy";

export type SaveState =
  | { kind: "idle" }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "offline" }
  | { kind: "conflict"; message: string; current: { version: number; status: string; content: ScorecardContent } }
  | { kind: "invalid"; errors: Record<string, string> }
  | { kind: "error"; message: string };

type WriteBody = { intent: "save" | "submit" | "amend"; content: ScorecardContent; reason?: string };
export type WriteOutcome =
  | { ok: true; version: number; savedAt: string; status: string }
  | { ok: false; state: SaveState };

const DEBOUNCE_MS = 1500;
const RETRY_MS = 5000;

export function useAutosave(opts: {
  endpoint: string;
  storageKey: string;
  initialVersion: number;
  initialSavedAt: string | null;
  enabled: boolean;
  getContent(): ScorecardContent;
}) {
  const { endpoint, storageKey, enabled } = opts;
  const version = useRef(opts.initialVersion);
  const getContent = useRef(opts.getContent);
  getContent.current = opts.getContent;
  const [state, setState] = useState<SaveState>(opts.initialSavedAt ? { kind: "saved", at: opts.initialSavedAt } : { kind: "idle" });
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const running = useRef<Promise<unknown> | null>(null);
  const again = useRef(false);
  const blocked = useRef(false); // a conflict waits for the interviewer's choice

  const write = useCallback(
    async (body: WriteBody, baseVersion = version.current): Promise<WriteOutcome> => {
      let response: Response;
      try {
        response = await fetch(endpoint, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ ...body, baseVersion }),
        });
      } catch {
        return { ok: false, state: { kind: "offline" } };
      }
      const data = await response.json().catch(() => null);
      if (response.ok && data?.saved) {
        version.current = data.saved.version;
        return { ok: true, ...data.saved };
      }
      if (response.status === 409 && data?.error?.current) {
        return { ok: false, state: { kind: "conflict", message: data.error.message, current: data.error.current } };
      }
      if (response.status === 400 && data?.errors) return { ok: false, state: { kind: "invalid", errors: data.errors } };
      if (response.status >= 500 || response.status === 0) return { ok: false, state: { kind: "offline" } };
      return { ok: false, state: { kind: "error", message: data?.error?.message ?? `The server answered ${response.status}.` } };
    },
    [endpoint],
  );

  const saveNow = useCallback(async (): Promise<void> => {
    if (!enabled || blocked.current) return;
    clearTimeout(timer.current);
    if (running.current) {
      again.current = true;
      return;
    }
    const content = getContent.current();
    setState({ kind: "saving" });
    const attempt = write({ intent: "save", content });
    running.current = attempt;
    const outcome = await attempt;
    running.current = null;
    if (outcome.ok) {
      const unchanged = JSON.stringify(getContent.current()) === JSON.stringify(content);
      writeLocalCopy(storageKey, { content: getContent.current(), baseVersion: version.current, at: Date.now(), dirty: !unchanged });
      setState({ kind: "saved", at: outcome.savedAt });
    } else {
      if (outcome.state.kind === "conflict") blocked.current = true;
      setState(outcome.state);
    }
    if (again.current) {
      again.current = false;
      void saveNow();
    }
  }, [enabled, storageKey, write]);

  // Every keystroke lands in this browser at once; the server gets it when typing pauses.
  const changed = useCallback(() => {
    if (!enabled) return;
    writeLocalCopy(storageKey, { content: getContent.current(), baseVersion: version.current, at: Date.now(), dirty: true });
    if (blocked.current) return;
    setState((s) => (s.kind === "offline" ? s : { kind: "unsaved" }));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void saveNow(), DEBOUNCE_MS);
  }, [enabled, storageKey, saveNow]);

  useEffect(() => {
    if (state.kind !== "offline") return;
    const retry = () => void saveNow();
    const interval = setInterval(retry, RETRY_MS);
    window.addEventListener("online", retry);
    return () => {
      clearInterval(interval);
      window.removeEventListener("online", retry);
    };
  }, [state.kind, saveNow]);

  useEffect(() => () => clearTimeout(timer.current), []);

  // The interviewer chose: overwrite with theirs (mine wins) or take the other version.
  const resolveConflict = useCallback(
    (choice: "keep-mine" | "take-theirs", current: { version: number }) => {
      blocked.current = false;
      version.current = current.version;
      if (choice === "keep-mine") void saveNow();
      else setState({ kind: "saved", at: new Date().toISOString() });
    },
    [saveNow],
  );

  const forget = useCallback(() => dropLocalCopy(storageKey), [storageKey]);

  return { state, setState, changed, saveNow, write, resolveConflict, forget, version };
}
