// "[12:40]" stamps for live notes: minutes and seconds since the interview started.
export function elapsedStamp(startedAt: number, now: number): string {
  const seconds = Math.max(0, Math.floor((now - startedAt) / 1000));
  const mm = String(Math.floor(seconds / 60)).padStart(2, "0");
  const ss = String(seconds % 60).padStart(2, "0");
  return `[${mm}:${ss}]`;
}

// Enter in a live notes field: a new line that starts with the elapsed time.
export function insertStampedLine(text: string, caret: number, stamp: string): { text: string; caret: number } {
  const before = text.slice(0, caret);
  const after = text.slice(caret);
  const insert = `${before.length === 0 ? "" : "\n"}${stamp} `;
  return { text: before + insert + after, caret: caret + insert.length };
}
