import { useCallback, useEffect, useState } from "react";

const clock = (ms: number) => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
};

// Live mode survives a reload: the start time is kept with the interview id.
export function useLiveMode(interviewId: string, questionCount: number) {
  const key = `panel:live:${interviewId}`;
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [index, setIndex] = useState(0);
  const [questionStartedAt, setQuestionStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  // A live interview survives a reload: its start is in this browser's storage, read after hydration.
  useEffect(() => {
    const kept = Number(window.localStorage.getItem(key));
    if (kept) {
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setStartedAt(kept);
      setQuestionStartedAt(kept);
    }
  }, [key]);
  useEffect(() => {
    if (startedAt === null) return;
    const tick = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(tick);
  }, [startedAt]);

  const start = useCallback(() => {
    const at = Date.now();
    window.localStorage.setItem(key, String(at));
    setStartedAt(at);
    setQuestionStartedAt(at);
    setIndex(0);
  }, [key]);
  const stop = useCallback(() => {
    window.localStorage.removeItem(key);
    setStartedAt(null);
  }, [key]);
  const select = useCallback((i: number) => {
    setIndex((current) => {
      if (current !== i) setQuestionStartedAt(Date.now());
      return i;
    });
  }, []);
  const move = useCallback(
    (step: number) => {
      const next = Math.min(Math.max(index + step, 0), Math.max(questionCount - 1, 0));
      select(next);
      return next;
    },
    [index, questionCount, select],
  );

  return {
    startedAt,
    index,
    setIndex: select,
    move,
    start,
    stop,
    elapsed: startedAt ? now - startedAt : 0,
    onQuestion: questionStartedAt ? now - questionStartedAt : 0,
  };
}

type Live = ReturnType<typeof useLiveMode>;

// onStarted moves focus into the first field, so the interviewer can type at once.
export function LiveBar({
  live,
  timeBoxMinutes,
  onStarted,
}: {
  live: Live;
  timeBoxMinutes: number | null;
  onStarted(): void;
}) {
  if (live.startedAt === null) {
    return (
      <div className="live-bar">
        <button
          type="button"
          className="secondary"
          onClick={() => {
            live.start();
            onStarted();
          }}
        >
          Start live interview
        </button>
        <Shortcuts />
      </div>
    );
  }
  const over = timeBoxMinutes !== null && live.onQuestion > timeBoxMinutes * 60_000;
  return (
    <div className="live-bar live">
      <span className="timer" aria-label="Elapsed interview time">
        ⏱ {clock(live.elapsed)}
      </span>
      <span className={over ? "over" : ""}>
        Q{live.index + 1}: {clock(live.onQuestion)}
        {timeBoxMinutes !== null ? ` of ${timeBoxMinutes}:00` : ""}
      </span>
      <button type="button" className="secondary small" onClick={live.stop}>
        End live mode
      </button>
      <Shortcuts />
    </div>
  );
}

function Shortcuts() {
  return (
    <details className="shortcuts">
      <summary>Keyboard shortcuts</summary>
      <ul>
        <li>
          <kbd>Enter</kbd> in notes (live mode): new line stamped with the elapsed time
        </li>
        <li>
          <kbd>Shift</kbd>+<kbd>Enter</kbd>: plain line break
        </li>
        <li>
          <kbd>Alt</kbd>+<kbd>↓</kbd> / <kbd>Alt</kbd>+<kbd>↑</kbd>: next / previous question
        </li>
        <li>
          <kbd>Alt</kbd>+<kbd>S</kbd>: save now
        </li>
        <li>
          <kbd>Tab</kbd> moves between fields; arrow keys choose a rating level
        </li>
      </ul>
    </details>
  );
}
