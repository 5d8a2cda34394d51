import type { ScorecardContent } from "./scorecard.schema";
import type { SaveState } from "./useAutosave";

type Props = {
  mine: ScorecardContent;
  conflict: Extract<SaveState, { kind: "conflict" }>;
  onKeepMine(): void;
  onTakeTheirs(): void;
};

// A save against a newer version is never applied silently: both texts, side by side.
export function ConflictPanel({ mine, conflict, onKeepMine, onTakeTheirs }: Props) {
  const theirs = conflict.current.content;
  const submitted = conflict.current.status === "submitted";
  return (
    <section className="conflict card" role="alert" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">This scorecard changed somewhere else</h2>
      <p>{conflict.message} Compare the two versions and choose which one to keep.</p>
      <div className="conflict-columns">
        <Version title="Your version (this tab)" content={mine} />
        <Version title={submitted ? "Submitted version" : "Saved version (other tab)"} content={theirs} />
      </div>
      {submitted ? (
        <p>The other version was submitted; reload to see it, then amend it if needed.</p>
      ) : (
        <>
          <button type="button" onClick={onKeepMine}>
            Keep my version
          </button>{" "}
          <button type="button" className="secondary" onClick={onTakeTheirs}>
            Use the other version
          </button>
        </>
      )}
    </section>
  );
}

function Version({ title, content }: { title: string; content: ScorecardContent }) {
  return (
    <div className="conflict-version">
      <h3>{title}</h3>
      {content.answers.map((a, i) => (
        <div key={i}>
          <h4>Q{i + 1} notes</h4>
          <pre>{a.notes || "—"}</pre>
          <h4>Q{i + 1} answer</h4>
          <pre>{a.answer || "—"}</pre>
        </div>
      ))}
      <h4>General notes</h4>
      <pre>{content.notes || "—"}</pre>
      <h4>Summary</h4>
      <pre>{content.summary || "—"}</pre>
    </div>
  );
}
