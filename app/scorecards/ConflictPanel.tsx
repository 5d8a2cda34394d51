import { useState } from "react";
import type { ScorecardContent } from "./scorecard.schema";
import type { SaveState } from "./useAutosave";
import { conflictDiffs, mergeContent, type Side } from "./conflict-merge";

type Props = {
  mine: ScorecardContent;
  conflict: Extract<SaveState, { kind: "conflict" }>;
  onMerge(merged: ScorecardContent): void;
  onTakeTheirs(): void;
};

// A save against a newer version is never applied silently: every field that differs is shown
// side by side and the interviewer picks, field by field, which value to keep.
const differ = (n: number) => `${n} ${n === 1 ? "field differs" : "fields differ"}`;

export function ConflictPanel({ mine, conflict, onMerge, onTakeTheirs }: Props) {
  const theirs = conflict.current.content;
  const submitted = conflict.current.status === "submitted";
  const diffs = conflictDiffs(mine, theirs);
  const [choices, setChoices] = useState<Record<string, Side>>({});
  const [missing, setMissing] = useState(false);
  const undecided = diffs.filter((d) => !choices[d.key]);

  function save() {
    if (undecided.length) {
      setMissing(true);
      document.getElementById(`conflict-${undecided[0]!.key}`)?.querySelector("input")?.focus();
      return;
    }
    onMerge(mergeContent(mine, theirs, choices));
  }

  return (
    <section className="conflict card" role="alert" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading">This scorecard changed somewhere else</h2>
      <p>
        {conflict.message}{" "}
        {diffs.length === 0
          ? "Both versions hold the same content."
          : `${differ(diffs.length)}: choose which value to keep for each.`}
      </p>
      {submitted ? (
        <p>The other version was submitted; reload to see it, then amend it if needed.</p>
      ) : (
        <>
          {diffs.map((d) => (
            <fieldset
              key={d.key}
              id={`conflict-${d.key}`}
              className="conflict-field"
              aria-invalid={missing && !choices[d.key]}
            >
              <legend>{d.label}</legend>
              <div className="conflict-columns">
                {(["mine", "theirs"] as const).map((side) => (
                  <label key={side} className={`conflict-version${choices[d.key] === side ? " selected" : ""}`}>
                    <input
                      type="radio"
                      name={`conflict-${d.key}`}
                      checked={choices[d.key] === side}
                      onChange={() => setChoices((c) => ({ ...c, [d.key]: side }))}
                    />{" "}
                    {side === "mine" ? "Keep this tab's" : "Keep the saved one"}
                    <pre>{d[side]}</pre>
                  </label>
                ))}
              </div>
              {missing && !choices[d.key] ? <p className="field-error">Choose which value to keep</p> : null}
            </fieldset>
          ))}
          <button type="button" onClick={save}>
            {diffs.length ? "Save the merged version" : "Continue"}
          </button>{" "}
          <button type="button" className="secondary" onClick={onTakeTheirs}>
            Use the saved version entirely
          </button>
        </>
      )}
    </section>
  );
}
