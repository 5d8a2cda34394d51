import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo } from "react";
import { useForm, useWatch } from "react-hook-form";
import { useRevalidator } from "@remix-run/react";
import { scorecardContentSchema, type ScorecardContent } from "./scorecard.schema";
import type { Kit, Rubric } from "./templates.schema";
import { useAutosave } from "./useAutosave";
import { localCopyKey } from "./local-copy";
import { normalizeContent, sectionOfPath } from "./sections";
import { QuestionGuide } from "./QuestionGuide";
import { SaveStatus } from "./SaveStatus";
import { ConflictPanel } from "./ConflictPanel";
import { LiveBar, useLiveMode } from "./LiveMode";
import { FeedbackSection } from "./form/FeedbackSection";
import { QuestionsSection } from "./form/QuestionsSection";
import { RatingsSection } from "./form/RatingsSection";
import { RestoreNotice } from "./form/RestoreNotice";
import { SubmitRow } from "./form/SubmitRow";
import { useFocusAfterRender } from "./form/useFocusAfterRender";
import { useShortcuts } from "./form/useShortcuts";
import { useQuestions } from "./form/useQuestions";
import { useScorecardSubmit } from "./form/useScorecardSubmit";
import { useDraftAssistant } from "~/assistant/useDraftAssistant";
import { useBiasCheck } from "~/assistant/useBiasCheck";
import { BiasWarnings } from "~/assistant/BiasWarnings";

type Props = {
  interviewId: string;
  kit: Kit;
  rubric: Rubric;
  redFlagTitles: Record<string, string>;
  initial: ScorecardContent;
  version: number;
  savedAt: string | null;
  mode: "draft" | "amend";
  onCancelAmend?(): void;
  // After a submit or an amendment went through (the page then shows the submitted view).
  onSubmitted?(): void;
};

// The scorecard being written: each section is its own component, the workflows are hooks
// (autosave, questions, submit, live mode, assistant); this file wires them to one form.
export function ScorecardForm(props: Props) {
  const { interviewId, kit, mode } = props;
  const storageKey = localCopyKey(interviewId);
  const form = useForm<ScorecardContent>({
    resolver: zodResolver(scorecardContentSchema),
    defaultValues: props.initial,
    mode: "onBlur",
  });
  const revalidator = useRevalidator();
  const focusNext = useFocusAfterRender();
  const autosave = useAutosave({
    endpoint: `/interviews/${interviewId}/scorecard`,
    storageKey,
    initialVersion: props.version,
    initialSavedAt: props.savedAt,
    enabled: mode === "draft",
    getContent: () => normalizeContent(form.getValues()),
  });
  const questions = useQuestions(form, focusNext);
  const live = useLiveMode(interviewId, questions.fields.length);
  const assistant = useDraftAssistant(interviewId, form);
  const [answers, notes, summary] = useWatch({ control: form.control, name: ["answers", "notes", "summary"] });
  const ownWords = [...(answers ?? []).map((a) => a.notes), notes, summary].join("\n");
  const biasWarnings = useBiasCheck(interviewId, ownWords, true);
  const submission = useScorecardSubmit({
    form,
    mode,
    autosave,
    biasWarnings,
    focusNext,
    onSubmitted: () => {
      live.stop();
      revalidator.revalidate();
      props.onSubmitted?.();
    },
  });
  const saveNow = () => void autosave.saveNow();

  // Typing into a drafted section turns its mark from "assistant draft" into "edited".
  const { changed } = autosave;
  useEffect(() => {
    const subscription = form.watch((values, { name }) => {
      const section = sectionOfPath(name);
      if (section && values.provenance?.[section] === "drafted") form.setValue(`provenance.${section}`, "edited");
      changed();
    });
    return () => subscription.unsubscribe();
  }, [form, changed]);

  const asked = useMemo(() => questions.fields.map((a) => a.questionId), [questions.fields]);
  const currentQuestionId = live.startedAt !== null ? (questions.fields[live.index]?.questionId ?? null) : null;
  const currentTimeBox = kit.questions.find((q) => q.id === currentQuestionId)?.timeBoxMinutes ?? null;

  const formRef = useShortcuts(live, saveNow);

  const { state } = autosave;
  return (
    <div className="scorecard-layout">
      <a className="skip-link" href="#scorecard-actions">
        Skip to the scorecard
      </a>
      <QuestionGuide
        questions={kit.questions}
        asked={asked}
        current={currentQuestionId}
        onAsk={(q) => questions.append({ questionId: q.id, question: q.prompt, answer: "", notes: "" })}
      />
      <form
        className="scorecard-form"
        noValidate
        ref={formRef}
        onSubmit={(e) => {
          e.preventDefault();
          void submission.submit();
        }}
      >
        <div className="sticky-bar" id="scorecard-actions" tabIndex={-1}>
          <SaveStatus state={state} />
          {mode === "draft" ? (
            <LiveBar
              live={live}
              timeBoxMinutes={currentTimeBox}
              onStarted={() => document.getElementById("q0-notes")?.focus()}
            />
          ) : null}
        </div>
        <RestoreNotice
          storageKey={storageKey}
          enabled={mode === "draft"}
          initial={props.initial}
          onRestore={(content) => {
            form.reset(content);
            autosave.changed();
          }}
        />
        {state.kind === "conflict" ? (
          <ConflictPanel
            mine={normalizeContent(form.getValues())}
            conflict={state}
            onMerge={(merged) => {
              form.reset(merged);
              autosave.resolveConflict("keep-mine", state.current);
            }}
            onTakeTheirs={() => {
              form.reset(state.current.content);
              autosave.resolveConflict("take-theirs", state.current);
            }}
          />
        ) : null}
        <QuestionsSection form={form} questions={questions} live={live} onBlur={saveNow}>
          <BiasWarnings warnings={biasWarnings} />
        </QuestionsSection>
        <RatingsSection form={form} rubric={props.rubric} onChoose={saveNow} />
        <FeedbackSection form={form} assistant={assistant} redFlagTitles={props.redFlagTitles} onBlur={saveNow} />
        <SubmitRow
          mode={mode}
          submission={submission}
          biasWarnings={biasWarnings}
          onCancelAmend={props.onCancelAmend}
        />
      </form>
    </div>
  );
}
