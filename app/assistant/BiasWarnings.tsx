import type { BiasWarning } from "~/scorecards/scorecard.schema";

const TOPIC: Record<BiasWarning["topic"], string> = {
  age: "Age",
  "family-status": "Family status",
  "national-origin": "National origin",
  "race-ethnicity": "Race or ethnicity",
  religion: "Religion",
  "sex-gender": "Sex or gender",
  "disability-health": "Disability or health",
  other: "Other",
};

export function BiasWarnings({ warnings }: { warnings: BiasWarning[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="bias-warnings" role="status" aria-live="polite">
      <h3>Check your wording</h3>
      <p className="hint">These remarks touch protected characteristics and should not inform a hiring decision.</p>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>
            <strong>{TOPIC[w.topic]}</strong>: “{w.excerpt}” — {w.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
