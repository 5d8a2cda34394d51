import { useEffect, useState } from "react";
import type { KitQuestion } from "./templates.schema";

type Props = { questions: KitQuestion[]; asked: string[]; current: string | null; onAsk(question: KitQuestion): void };

const NARROW = "(max-width: 900px)";

// What to listen for while the candidate talks. The interviewer's own questions come first;
// on a phone the whole guide folds away above the form.
export function QuestionGuide({ questions, asked, current, onAsk }: Props) {
  const [open, setOpen] = useState(true);
  // The viewport is only known in the browser: fold the guide away after hydration on a phone.
  // eslint-disable-next-line react-hooks/set-state-in-effect
  useEffect(() => setOpen(!window.matchMedia(NARROW).matches), []);
  const mine = asked.map((id) => questions.find((q) => q.id === id)).filter((q): q is KitQuestion => Boolean(q));
  const others = questions.filter((q) => !asked.includes(q.id));
  return (
    <aside className="guide" aria-label="Question guide">
      <details open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>
          <h2>Question guide</h2>
        </summary>
        {mine.length ? <h3 className="guide-group">Your questions</h3> : null}
        {mine.map((q) => (
          <GuideQuestion key={q.id} question={q} current={q.id === current} />
        ))}
        {others.length ? <h3 className="guide-group">Other questions in the kit</h3> : null}
        {others.map((q) => (
          <GuideQuestion key={q.id} question={q} current={false} onAsk={() => onAsk(q)} />
        ))}
      </details>
    </aside>
  );
}

function GuideQuestion({ question: q, current, onAsk }: { question: KitQuestion; current: boolean; onAsk?(): void }) {
  return (
    <details className={`guide-question${current ? " current" : ""}`} open={current || undefined}>
      <summary>
        <span className="guide-prompt">{q.prompt}</span>
        <span className="muted">
          {" "}
          · {q.kind} · {q.timeBoxMinutes} min
        </span>
      </summary>
      {onAsk ? (
        <button type="button" className="secondary small" onClick={onAsk}>
          Add to my questions
        </button>
      ) : null}
      <GuideList title="Frameworks" items={q.frameworks} />
      <GuideList title="What to look for" items={q.lookFor} />
      <GuideList title="Key points" items={q.keyPoints} />
      <GuideList title="Common mistakes" items={q.commonMistakes} />
    </details>
  );
}

function GuideList({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul>
        {items.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </>
  );
}
