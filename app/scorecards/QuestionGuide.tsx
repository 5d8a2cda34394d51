import type { KitQuestion } from "./templates.schema";

type Props = { questions: KitQuestion[]; asked: string[]; current: string | null; onAsk(question: KitQuestion): void };

// What to listen for while the candidate talks; on a phone each question folds away.
export function QuestionGuide({ questions, asked, current, onAsk }: Props) {
  return (
    <aside className="guide" aria-labelledby="guide-heading">
      <h2 id="guide-heading">Question guide</h2>
      {questions.map((q) => (
        <details key={q.id} className={`guide-question${q.id === current ? " current" : ""}`} open={q.id === current || undefined}>
          <summary>
            <span className="guide-prompt">{q.prompt}</span>
            <span className="muted">
              {" "}
              · {q.kind} · {q.timeBoxMinutes} min
            </span>
          </summary>
          {!asked.includes(q.id) ? (
            <button type="button" className="secondary small" onClick={() => onAsk(q)}>
              Add to my questions
            </button>
          ) : null}
          <GuideList title="Frameworks" items={q.frameworks} />
          <GuideList title="What to look for" items={q.lookFor} />
          <GuideList title="Key points" items={q.keyPoints} />
          <GuideList title="Common mistakes" items={q.commonMistakes} />
        </details>
      ))}
    </aside>
  );
}

function GuideList({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}
