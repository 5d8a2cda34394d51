import { formatDate } from "~/ui/format";
import { useTimeZone } from "~/ui/useTimeZone";

type Saved = { version: number; created_at: string; author: string };

// Who saved which version and when; the file in templates/ is the base everything started from.
export function VersionHistory({
  history,
  base,
  note,
}: {
  history: Saved[];
  base: { version: number; source: string } | null;
  note: string;
}) {
  const timeZone = useTimeZone();
  return (
    <section className="card" aria-labelledby="history-heading">
      <h2 id="history-heading">Versions</h2>
      <ul className="plain-list">
        {history.map((h) => (
          <li key={h.version}>
            v{h.version}{" "}
            <span className="muted">
              · {h.author}, {formatDate(h.created_at, timeZone)}
            </span>
          </li>
        ))}
        {base ? (
          <li>
            v{base.version} <span className="muted">· {base.source} (base)</span>
          </li>
        ) : null}
      </ul>
      <p className="muted">{note}</p>
    </section>
  );
}
