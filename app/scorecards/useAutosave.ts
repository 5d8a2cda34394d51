import { useCallback, useEffect, useRef, useState } from "react";
import type { ScorecardContent } from "./scorecard.schema";
import type { CurrentVersion, ScorecardAction, ScorecardReply } from "./scorecard-action.schema";
import { readReply, type WriteOutcome } from "./save-reply";
import { dropLocalCopy, writeLocalCopy } from "./local-copy";
import { postJson, type JsonReply } from "~/ui/post-json";
import type { FieldErrors } from "~/ui/form-result";

export type { WriteOutcome };

export type SaveState =
  | { kind: "idle" }
  | { kind: "unsaved" }
  | { kind: "saving" }
  | { kind: "saved"; at: string }
  | { kind: "offline" }
  | { kind: "conflict"; message: string; current: CurrentVersion }
  | { kind: "invalid"; errors: FieldErrors }
  | { kind: "error"; message: string };

// The write without its base version, which the queue fills in when the write's turn comes.
type WriteBody = ScorecardAction extends infer A ? (A extends ScorecardAction ? Omit<A, "baseVersion"> : never) : never;

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
  const [state, setState] = useState<SaveState>(
    opts.initialSavedAt ? { kind: "saved", at: opts.initialSavedAt } : { kind: "idle" },
  );
  const timer = useRef<ReturnType<typeof setTimeout>>();
  // Every write goes through one queue, so an autosave and a submit never race each other with
  // the same base version; a queued save reads the latest content when its turn comes.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const saveQueued = useRef(false);
  const lastSaved = useRef<string | null>(null);
  const blocked = useRef(false); // a conflict waits for the interviewer's choice; a submit ends saving

  const enqueue = useCallback(<T>(task: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(task, task);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  const write = useCallback(
    async (body: WriteBody): Promise<WriteOutcome> => {
      const baseVersion = version.current;
      let reply: JsonReply<ScorecardReply>;
      try {
        reply = await postJson<ScorecardReply>(endpoint, { ...body, baseVersion });
      } catch {
        return { ok: false, state: { kind: "offline" } };
      }
      const outcome = readReply(reply);
      if (outcome.ok) version.current = outcome.version;
      return outcome;
    },
    [endpoint],
  );

  const saveNow = useCallback(async (): Promise<void> => {
    if (!enabled || blocked.current) return;
    clearTimeout(timer.current);
    if (saveQueued.current) return;
    saveQueued.current = true;
    await enqueue(async () => {
      saveQueued.current = false;
      if (blocked.current) return;
      const content = getContent.current();
      const text = JSON.stringify(content);
      if (text === lastSaved.current) return;
      setState({ kind: "saving" });
      const outcome = await write({ intent: "save", content });
      if (outcome.ok) {
        lastSaved.current = text;
        const unchanged = JSON.stringify(getContent.current()) === text;
        writeLocalCopy(storageKey, {
          content: getContent.current(),
          baseVersion: version.current,
          at: Date.now(),
          dirty: !unchanged,
        });
        setState({ kind: "saved", at: outcome.savedAt });
      } else {
        if (outcome.state.kind === "conflict") blocked.current = true;
        setState(outcome.state);
      }
    });
  }, [enabled, enqueue, storageKey, write]);

  // Submit and amend wait for any save in flight and go out on the newest version.
  const commit = useCallback(
    async (body: WriteBody): Promise<WriteOutcome> => {
      clearTimeout(timer.current);
      const outcome = await enqueue(() => write(body));
      if (outcome.ok) blocked.current = true;
      return outcome;
    },
    [enqueue, write],
  );

  // Every keystroke lands in this browser at once; the server gets it when typing pauses.
  const changed = useCallback(() => {
    if (!enabled) return;
    writeLocalCopy(storageKey, {
      content: getContent.current(),
      baseVersion: version.current,
      at: Date.now(),
      dirty: true,
    });
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
      lastSaved.current = null;
      version.current = current.version;
      if (choice === "keep-mine") void saveNow();
      else setState({ kind: "saved", at: new Date().toISOString() });
    },
    [saveNow],
  );

  const forget = useCallback(() => dropLocalCopy(storageKey), [storageKey]);

  return { state, setState, changed, saveNow, commit, resolveConflict, forget };
}
