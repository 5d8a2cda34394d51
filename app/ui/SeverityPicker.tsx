import { stars } from "~/scorecards/rubric";

export function SeverityPicker({ name, value, onChange }: { name: string; value: number; onChange(v: number): void }) {
  return (
    <fieldset className="severity">
      <legend>Severity</legend>
      <div className="rating-options">
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className={`pill${value === n ? " selected" : ""}`}>
            <input type="radio" name={name} value={n} checked={value === n} onChange={() => onChange(n)} />
            <span aria-hidden="true">{stars(n)}</span>
            <span className="sr-only">{n} of 5</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
