import type { ScorecardContent } from "./scorecard.schema";

// The copy of a scorecard kept in this browser, so a closed tab, a crash or a lost connection
// never loses what was typed. `dirty` means the server has not confirmed this exact content.
export type LocalCopy = { content: ScorecardContent; baseVersion: number; at: number; dirty: boolean };

export const localCopyKey = (interviewId: string) => `panel:scorecard:${interviewId}`;

export function readLocalCopy(key: string): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as LocalCopy) : null;
  } catch {
    return null;
  }
}

export function writeLocalCopy(key: string, copy: LocalCopy): void {
  try {
    window.localStorage.setItem(key, JSON.stringify(copy));
  } catch {
    // storage full or disabled: the server copy is all we have
  }
}

export function dropLocalCopy(key: string): void {
  try {
    window.localStorage.removeItem(key);
  } catch {
    // nothing to drop
  }
}
