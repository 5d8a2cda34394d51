import { useEffect, useState } from "react";
import { formatDateTime } from "~/ui/format";
import { useTimeZone } from "~/ui/useTimeZone";
import { readLocalCopy, type LocalCopy } from "../local-copy";
import type { ScorecardContent } from "../scorecard.schema";
import { normalizeContent } from "../sections";

const same = (a: ScorecardContent, b: ScorecardContent) =>
  JSON.stringify(normalizeContent(a)) === JSON.stringify(normalizeContent(b));

// A copy on this device that the server never confirmed is offered back, never applied silently.
// Read after hydration: the server cannot see this browser's storage.
export function RestoreNotice({
  storageKey,
  enabled,
  initial,
  onRestore,
}: {
  storageKey: string;
  enabled: boolean;
  initial: ScorecardContent;
  onRestore(content: ScorecardContent): void;
}) {
  const timeZone = useTimeZone();
  const [restorable, setRestorable] = useState<LocalCopy | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const copy = readLocalCopy(storageKey);
    // eslint-disable-next-line react-hooks/set-state-in-effect -- read once, after hydration (see above)
    if (copy?.dirty && !same(copy.content, initial)) setRestorable(copy);
  }, [enabled, storageKey, initial]);
  if (!restorable) return null;
  return (
    <div className="notice" role="alert">
      <p>
        This device kept changes from {formatDateTime(new Date(restorable.at), timeZone)} that never reached the server.
      </p>
      <button
        type="button"
        onClick={() => {
          onRestore(restorable.content);
          setRestorable(null);
        }}
      >
        Restore them
      </button>{" "}
      <button type="button" className="secondary" onClick={() => setRestorable(null)}>
        Keep the server's version
      </button>
    </div>
  );
}
