import { useNavigation } from "@remix-run/react";

// The step between "Review and save" and the write: what changes, in words, and a way back.
export function ConfirmSave({
  title,
  changes,
  note,
  onConfirm,
  onBack,
}: {
  title: string;
  changes: string[];
  note: string;
  onConfirm: () => void;
  onBack: () => void;
}) {
  const saving = useNavigation().state === "submitting";
  return (
    <section className="card" aria-labelledby="confirm-heading">
      <h2 id="confirm-heading">{title}</h2>
      {changes.length ? (
        <ul>
          {changes.map((change) => (
            <li key={change}>{change}</li>
          ))}
        </ul>
      ) : (
        <p>Nothing changed; saving stores the same content as a new version.</p>
      )}
      <p className="muted">{note}</p>
      <div className="actions">
        <button type="button" onClick={onConfirm} disabled={saving}>
          {saving ? "Saving…" : "Confirm and save"}
        </button>
        <button type="button" className="secondary" onClick={onBack}>
          Back to editing
        </button>
      </div>
    </section>
  );
}
