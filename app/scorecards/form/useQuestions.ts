import { useState } from "react";
import { useFieldArray, type UseFormReturn } from "react-hook-form";
import { LIMITS, isOwnQuestion, ownQuestionId, type QuestionAnswer, type ScorecardContent } from "../scorecard.schema";

type Removed = { index: number; answer: QuestionAnswer };

// The asked questions: add the interviewer's own, remove one with an undo. A removed question
// that holds any writing is also kept in the content's `removedQuestions`, so its notes survive
// the next autosave and stay in the revision history after the undo is gone.
export function useQuestions(form: UseFormReturn<ScorecardContent>, focusNext: (id: string) => void) {
  const answers = useFieldArray({ control: form.control, name: "answers" });
  const [removed, setRemoved] = useState<Removed | null>(null);

  function addOwn() {
    answers.append(
      { questionId: ownQuestionId(Date.now()), question: "", answer: "", notes: "" },
      { shouldFocus: false },
    );
    focusNext(`q${answers.fields.length}-question`);
  }

  function remove(index: number) {
    const answer = form.getValues(`answers.${index}`);
    const blank = !answer.question.trim() && !answer.notes.trim() && !answer.answer.trim();
    answers.remove(index);
    if (isOwnQuestion(answer.questionId) && blank) {
      setRemoved(null);
      focusNext("add-own-question");
      return;
    }
    if (answer.notes.trim() || answer.answer.trim()) keep(answer);
    setRemoved({ index, answer });
    focusNext("undo-remove");
  }

  function keep(answer: QuestionAnswer) {
    const kept = [...(form.getValues("removedQuestions") ?? []), { ...answer, removedAt: new Date().toISOString() }];
    form.setValue("removedQuestions", kept.slice(-LIMITS.questions));
  }

  function undo() {
    if (!removed) return;
    const { index, answer } = removed;
    const kept = form.getValues("removedQuestions") ?? [];
    const last = kept.findLastIndex((q) => q.questionId === answer.questionId);
    if (last >= 0) form.setValue("removedQuestions", kept.toSpliced(last, 1));
    answers.insert(index, answer, { shouldFocus: false });
    focusNext(`q${index}-notes`);
    setRemoved(null);
  }

  return { fields: answers.fields, append: answers.append, removed, addOwn, remove, undo };
}
