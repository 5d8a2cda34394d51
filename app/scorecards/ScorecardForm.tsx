import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo, useRef, useState } from "react";
import { Controller, useFieldArray, useForm, useWatch, type Path } from "react-hook-form";
import { useRevalidator } from "@remix-run/react";
import { COMPETENCIES, HIRING_LEVELS, RECOMMENDATIONS } from "./rubric";
import {
  isOwnQuestion,
  ownQuestionId,
  scorecardContentSchema,
  submittableScorecardSchema,
  type QuestionAnswer,
  type ScorecardContent,
} from "./scorecard.schema";
import type { Kit, Rubric } from "./templates.schema";
import { useAutosave } from "./useAutosave";
import { localCopyKey, readLocalCopy, type LocalCopy } from "./local-copy";
import { normalizeContent, sectionOfPath } from "./sections";
import { AnswerFields } from "./AnswerFields";
import { QuestionGuide } from "./QuestionGuide";
import { RedFlagsEditor } from "./RedFlagsEditor";
import { SaveStatus } from "./SaveStatus";
import { ConflictPanel } from "./ConflictPanel";
import { LiveBar, useLiveMode } from "./LiveMode";
import { ErrorSummary, Field, FormError, type SummaryIssue } from "~/ui/form";
import { issueTarget } from "./issue-target";
import { LinesField } from "~/ui/LinesField";
import { RatingPicker } from "~/ui/RatingPicker";
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
};

export function ScorecardForm({
  interviewId,
  kit,
  rubric,
  redFlagTitles,
  initial,
  version,
  savedAt,
  mode,
  onCancelAmend,
}: Props) {
  const storageKey = localCopyKey(interviewId);
  const form = useForm<ScorecardContent>({
    resolver: zodResolver(scorecardContentSchema),
    defaultValues: initial,
    mode: "onBlur",
  });
  const { control, formState, getValues, setError, setFocus } = form;
  const answers = useFieldArray({ control, name: "answers" });
  const revalidator = useRevalidator();
  const autosave = useAutosave({
    endpoint: `/interviews/${interviewId}/scorecard`,
    storageKey,
    initialVersion: version,
    initialSavedAt: savedAt,
    enabled: mode === "draft",
    getContent: () => normalizeContent(getValues()),
  });
  const live = useLiveMode(interviewId, answers.fields.length);
  const [restorable, setRestorable] = useState<LocalCopy | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [amendReason, setAmendReason] = useState("");
  const [amendError, setAmendError] = useState<string | null>(null);
  const [submitMessage, setSubmitMessage] = useState<string | null>(null);
  const [issues, setIssues] = useState<SummaryIssue[]>([]);
  // The last removed question, kept so one click brings it back with its notes.
  const [removed, setRemoved] = useState<{ index: number; answer: QuestionAnswer } | null>(null);
  const focusAfterRender = useRef<string | null>(null);
  useEffect(() => {
    if (!focusAfterRender.current) return;
    document.getElementById(focusAfterRender.current)?.focus();
    focusAfterRender.current = null;
  });
  const [biasPrompt, setBiasPrompt] = useState(false);
  const assistant = useDraftAssistant(interviewId, form);
  const [watchedAnswers, watchedNotes, watchedSummary] = useWatch({ control, name: ["answers", "notes", "summary"] });
  const ownWords = [...(watchedAnswers ?? []).map((a) => a.notes), watchedNotes, watchedSummary].join("\n");
  const biasWarnings = useBiasCheck(interviewId, ownWords, true);

  // A copy on this device that the server never confirmed is offered back, never applied silently.
  useEffect(() => {
    if (mode !== "draft") return;
    const copy = readLocalCopy(storageKey);
    if (copy?.dirty && JSON.stringify(normalizeContent(copy.content)) !== JSON.stringify(normalizeContent(initial)))
      setRestorable(copy);
  }, [mode, storageKey, initial]);

  // Typing into a drafted section turns its mark from "assistant draft" into "edited".
  useEffect(() => {
    const subscription = form.watch((values, { name }) => {
      const section = sectionOfPath(name);
      if (section && values.provenance?.[section] === "drafted") form.setValue(`provenance.${section}`, "edited");
      autosave.changed();
    });
    return () => subscription.unsubscribe();
  }, [form, autosave.changed]);

  const asked = useMemo(() => answers.fields.map((a) => a.questionId), [answers.fields]);
  const currentQuestionId = live.startedAt !== null ? (answers.fields[live.index]?.questionId ?? null) : null;
  const currentTimeBox = kit.questions.find((q) => q.id === currentQuestionId)?.timeBoxMinutes ?? null;

  async function submit(pastBias = false) {
    const content = { ...normalizeContent(getValues()), biasWarnings: pastBias ? biasWarnings : [] };
    const checked = submittableScorecardSchema.safeParse(content);
    if (!checked.success) {
      checked.error.issues.forEach((issue) =>
        setError(issue.path.join(".") as Path<ScorecardContent>, { type: "submit", message: issue.message }),
      );
      showIssues(checked.error.issues.map((issue) => [issue.path.join("."), issue.message]));
      return;
    }
    setIssues([]);
    if (mode === "amend" && amendReason.trim() === "") {
      setAmendError("Say why you are amending a submitted scorecard");
      return;
    }
    // The interviewer may submit past a bias warning, but only knowingly; it is recorded.
    if (biasWarnings.length && !pastBias) {
      setBiasPrompt(true);
      return;
    }
    setBiasPrompt(false);
    setSubmitting(true);
    setSubmitMessage(null);
    const outcome = await autosave.commit(
      mode === "amend" ? { intent: "amend", content, reason: amendReason } : { intent: "submit", content },
    );
    setSubmitting(false);
    if (outcome.ok) {
      autosave.forget();
      live.stop();
      revalidator.revalidate();
      return;
    }
    if (outcome.state.kind === "invalid") {
      const entries = Object.entries(outcome.state.errors).map(
        ([key, message]) => [key.replace(/^content\./, ""), message] as [string, string],
      );
      entries.forEach(([key, message]) => setError(key as Path<ScorecardContent>, { type: "server", message }));
      showIssues(entries);
    }
    autosave.setState(outcome.state);
    setSubmitMessage(
      outcome.state.kind === "offline"
        ? "Could not reach the server; your scorecard is kept on this device. Try again."
        : null,
    );
  }

  // After a failed submit, focus goes to a summary that links to every field in question.
  function showIssues(entries: [string, string][]) {
    setSubmitMessage(null);
    setIssues(entries.map(([path, message]) => ({ ...issueTarget(path), message })));
    focusAfterRender.current = "error-summary";
  }

  function addOwnQuestion() {
    answers.append(
      { questionId: ownQuestionId(Date.now()), question: "", answer: "", notes: "" },
      { shouldFocus: false },
    );
    focusAfterRender.current = `q${answers.fields.length}-question`;
  }

  function removeQuestion(index: number) {
    const answer = getValues(`answers.${index}`);
    answers.remove(index);
    const blank =
      isOwnQuestion(answer.questionId) && !answer.question.trim() && !answer.notes.trim() && !answer.answer.trim();
    setRemoved(blank ? null : { index, answer });
    focusAfterRender.current = blank ? "add-own-question" : "undo-remove";
  }

  function undoRemove() {
    if (!removed) return;
    answers.insert(removed.index, removed.answer, { shouldFocus: false });
    focusAfterRender.current = `q${removed.index}-notes`;
    setRemoved(null);
  }

  function onKeyDown(event: React.KeyboardEvent) {
    if (!event.altKey) return;
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      const next = live.move(event.key === "ArrowDown" ? 1 : -1);
      document.querySelector<HTMLTextAreaElement>(`[data-question-notes="${next}"]`)?.focus();
    } else if (event.key.toLowerCase() === "s") {
      event.preventDefault();
      void autosave.saveNow();
    }
  }

  const errors = formState.errors;
  return (
    <div className="scorecard-layout">
      <a className="skip-link" href="#scorecard-actions">
        Skip to the scorecard
      </a>
      <QuestionGuide
        questions={kit.questions}
        asked={asked}
        current={currentQuestionId}
        onAsk={(q) => answers.append({ questionId: q.id, question: q.prompt, answer: "", notes: "" })}
      />
      <form
        className="scorecard-form"
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="sticky-bar" id="scorecard-actions" tabIndex={-1}>
          <SaveStatus state={autosave.state} />
          {mode === "draft" ? (
            <LiveBar
              live={live}
              timeBoxMinutes={currentTimeBox}
              onStarted={() => document.getElementById("q0-notes")?.focus()}
            />
          ) : null}
        </div>
        {restorable ? (
          <div className="notice" role="alert">
            <p>
              This device kept changes from {new Date(restorable.at).toLocaleString()} that never reached the server.
            </p>
            <button
              type="button"
              onClick={() => {
                form.reset(restorable.content);
                setRestorable(null);
                autosave.changed();
              }}
            >
              Restore them
            </button>{" "}
            <button type="button" className="secondary" onClick={() => setRestorable(null)}>
              Keep the server's version
            </button>
          </div>
        ) : null}
        {autosave.state.kind === "conflict" ? (
          <ConflictPanel
            mine={normalizeContent(getValues())}
            conflict={autosave.state}
            onMerge={(merged) => {
              if (autosave.state.kind !== "conflict") return;
              form.reset(merged);
              autosave.resolveConflict("keep-mine", autosave.state.current);
            }}
            onTakeTheirs={() => {
              if (autosave.state.kind !== "conflict") return;
              form.reset(autosave.state.current.content);
              autosave.resolveConflict("take-theirs", autosave.state.current);
            }}
          />
        ) : null}

        <h2>Questions and answers</h2>
        {answers.fields.map((field, i) => (
          <Controller
            key={field.id}
            control={control}
            name={`answers.${i}`}
            render={({ field: f }) => (
              <AnswerFields
                index={i}
                own={isOwnQuestion(f.value.questionId)}
                question={f.value.question}
                answer={f.value.answer}
                notes={f.value.notes}
                errors={{
                  question: errors.answers?.[i]?.question?.message,
                  answer: errors.answers?.[i]?.answer?.message,
                  notes: errors.answers?.[i]?.notes?.message,
                }}
                liveStartedAt={live.startedAt}
                current={live.startedAt !== null && live.index === i}
                onFocusQuestion={() => live.setIndex(i)}
                onChange={(key, value) => f.onChange({ ...f.value, [key]: value })}
                onBlur={() => void autosave.saveNow()}
                onRemove={() => removeQuestion(i)}
              />
            )}
          />
        ))}
        {removed ? (
          <div className="notice" role="status">
            <p>
              Removed Q{removed.index + 1}, “{removed.answer.question || "Your own question"}”, with its notes.{" "}
              <button type="button" id="undo-remove" className="small" onClick={undoRemove}>
                Undo
              </button>
            </p>
          </div>
        ) : null}
        <button type="button" id="add-own-question" className="secondary" onClick={addOwnQuestion}>
          Add a question of your own
        </button>
        <BiasWarnings warnings={biasWarnings} />

        <Controller
          control={control}
          name="notes"
          render={({ field }) => (
            <Field
              id="general-notes"
              label="General notes"
              hint="Anything not tied to one question."
              error={errors.notes}
            >
              {(aria) => (
                <textarea
                  {...aria}
                  rows={4}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={() => void autosave.saveNow()}
                />
              )}
            </Field>
          )}
        />

        <h2>Competency ratings</h2>
        {COMPETENCIES.map((c) => (
          <Controller
            key={c.id}
            control={control}
            name={`ratings.${c.id}`}
            render={({ field }) => (
              <RatingPicker
                name={`rating-${c.id}`}
                legend={c.label}
                description={rubric.competencies[c.id]?.description}
                levelHints={rubric.competencies[c.id]?.levels}
                value={field.value}
                onChange={(v) => {
                  field.onChange(v);
                  void autosave.saveNow();
                }}
                error={errors.ratings?.[c.id]?.message}
              />
            )}
          />
        ))}

        <h2>Recommendation</h2>
        <Controller
          control={control}
          name="recommendation"
          render={({ field }) => (
            <fieldset className="rating" id="recommendation" aria-invalid={Boolean(errors.recommendation)}>
              <legend>Overall recommendation</legend>
              <div className="rating-options">
                {RECOMMENDATIONS.map((r) => (
                  <label key={r.id} className={`pill${field.value === r.id ? " selected" : ""}`}>
                    <input
                      type="radio"
                      name="recommendation"
                      value={r.id}
                      checked={field.value === r.id}
                      onChange={() => field.onChange(r.id)}
                    />
                    <span>
                      {r.emoji} {r.label}
                    </span>
                  </label>
                ))}
              </div>
              {errors.recommendation ? <p className="field-error">{errors.recommendation.message}</p> : null}
            </fieldset>
          )}
        />
        <Controller
          control={control}
          name="level"
          render={({ field }) => (
            <Field id="level" label="Level recommendation" error={errors.level}>
              {(aria) => (
                <select {...aria} value={field.value ?? ""} onChange={(e) => field.onChange(e.target.value || null)}>
                  <option value="">Not decided</option>
                  {HIRING_LEVELS.map((l) => (
                    <option key={l} value={l}>
                      {l}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        />

        <h2>Feedback for the hiring committee</h2>
        <div className="assistant-bar">
          <button
            type="button"
            className="secondary"
            onClick={() => void assistant.requestDraft()}
            disabled={assistant.busy}
          >
            {assistant.busy ? "Drafting…" : "Draft with assistant"}
          </button>
          <p className="hint">
            Drafts the summary, strengths, areas, red flags and follow-ups from your notes. It never rates or
            recommends.
          </p>
          {assistant.message ? (
            <p role="status" className="assistant-message">
              {assistant.message}
            </p>
          ) : null}
          {assistant.pending ? (
            <div className="notice" role="alert">
              <p>You already wrote: {assistant.pending.join(", ")}. Replace your text with the assistant's draft?</p>
              <button type="button" onClick={assistant.replaceWritten}>
                Replace with the draft
              </button>{" "}
              <button type="button" className="secondary" onClick={assistant.keepWritten}>
                Keep my text
              </button>
            </div>
          ) : null}
        </div>
        <Controller
          control={control}
          name="summary"
          render={({ field }) => (
            <Field
              id="summary"
              label="Formal summary"
              hint="Third person, for the hiring committee."
              error={errors.summary}
            >
              {(aria) => (
                <textarea
                  {...aria}
                  rows={6}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={() => void autosave.saveNow()}
                />
              )}
            </Field>
          )}
        />
        {(["strengths", "improvements", "followUps"] as const).map((name) => (
          <Controller
            key={name}
            control={control}
            name={name}
            render={({ field }) => (
              <LinesField
                id={name}
                label={
                  {
                    strengths: "Strengths",
                    improvements: "Areas for improvement",
                    followUps: "Probing follow-up questions",
                  }[name]
                }
                value={field.value}
                onChange={field.onChange}
                onBlur={() => void autosave.saveNow()}
                error={errors[name]?.message}
              />
            )}
          />
        ))}
        <h2>Red flags</h2>
        <RedFlagsEditor
          control={control}
          errors={errors.redFlags}
          titles={redFlagTitles}
          onBlur={() => void autosave.saveNow()}
        />

        <div className="submit-row">
          {mode === "amend" ? (
            <Field
              id="amend-reason"
              label="Reason for amending"
              error={amendError ? { message: amendError } : undefined}
            >
              {(aria) => (
                <textarea {...aria} rows={2} value={amendReason} onChange={(e) => setAmendReason(e.target.value)} />
              )}
            </Field>
          ) : null}
          {biasPrompt ? (
            <div className="notice" role="alert">
              <BiasWarnings warnings={biasWarnings} />
              <p>
                Reword them, or submit anyway: the warnings are recorded with your scorecard and shown to the committee.
              </p>
              <button type="button" onClick={() => void submit(true)} disabled={submitting}>
                Submit anyway
              </button>
            </div>
          ) : null}
          <ErrorSummary issues={issues} />
          <FormError message={submitMessage} />
          <button type="submit" disabled={submitting}>
            {submitting ? "Submitting…" : mode === "amend" ? "Submit amendment" : "Submit scorecard"}
          </button>
          {mode === "amend" ? (
            <button type="button" className="secondary" onClick={onCancelAmend}>
              Cancel
            </button>
          ) : null}
        </div>
      </form>
    </div>
  );
}
