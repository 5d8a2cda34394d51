import { Link } from "@remix-run/react";
import type { ChecklistStep } from "./checklist.server";

// Shown on an admin's home page until every step is done; each step links to where it is done.
export function FirstRunChecklist({ steps }: { steps: ChecklistStep[] }) {
  const done = steps.filter((s) => s.done).length;
  return (
    <section className="card checklist" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">Get Panel ready for your team</h2>
      <p className="muted">
        {done} of {steps.length} steps done. Each ticks itself off as you go.
      </p>
      <ol>
        {steps.map((step) => (
          <li key={step.id} className={step.done ? "done" : undefined}>
            <span className="checklist-mark" aria-hidden="true">
              {step.done ? "✓" : ""}
            </span>
            <div>
              <Link to={step.href}>{step.label}</Link>
              <span className="sr-only">{step.done ? " (done)" : " (to do)"}</span>
              <p className="hint">{step.hint}</p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
