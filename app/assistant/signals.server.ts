import type { Clause, Sentence, Token } from "./language.server";
import { SIGNALS, stem, type Match } from "./lexicon.server";

// What a sentence says, read from its clauses (who acts, tense, modality, negation) and the word
// lists in ./lexicon: credit taken, blame passed, reflection, outcomes, habits, hedges.

// Detectors, summary and follow-ups ask the same questions of a sentence: answer each once.
function once<T>(read: (s: Sentence) => T): (s: Sentence) => T {
  const seen = new WeakMap<Sentence, T>();
  return (s) => {
    if (!seen.has(s)) seen.set(s, read(s));
    return seen.get(s)!;
  };
}

const inClause = (s: Sentence, m: Match) => s.clauses.find((c) => m.start >= c.start && m.start < c.end);
const speaker = (c: Clause) => c.subject === "self" || c.subject === "we";

/** "single-handedly", "thanks to me", "without me it would have…" — unless negated. */
export const soloCredit = once((s: Sentence): boolean => {
  return SIGNALS.soloCredit
    .find(s.tokens)
    .some(
      (m) => (!inClause(s, m)?.negated || /without|nobody|no one/.test(m.phrase.text)) && !possessiveOnly(s.tokens, m),
    );
});

// "on my own route", "my win rate": the phrase only says whose the next noun is.
function possessiveOnly(tokens: Token[], m: Match): boolean {
  const last = tokens[m.end - 1];
  const next = tokens[m.end];
  if (!next || /[,;:.!?]/.test(last.post) || !next.tags.has("Noun") || next.tags.has("Pronoun")) return false;
  return last.word === "own" || (last.tags.has("Noun") && !last.tags.has("Pronoun"));
}

/** "thanks to my strategy the region grew", "my churn model is the reason the company kept…":
 * credit for a group's result carried by a noun phrase of the speaker's. */
export const nounCredit = once((s: Sentence): boolean => {
  const groupResult = SIGNALS.orgResults.has(s.tokens);
  const linked = SIGNALS.creditLinks.find(s.tokens).some((m) => {
    const after = s.tokens.slice(m.end, m.end + 4);
    const noun = after.some((t) => SIGNALS.creditNouns.has([t]));
    return noun && (SIGNALS.resultVerbs.has(s.tokens, m.end) || groupResult);
  });
  if (linked) return true;
  // The speaker's work as the subject that caused a group's result.
  return (
    groupResult &&
    s.plural === 0 &&
    s.clauses.some(
      (c) =>
        /^my\b/i.test(c.subjectText) &&
        SIGNALS.creditNouns.has(s.tokens, c.start, Math.min(c.end, c.start + 5)) &&
        !c.negated &&
        !c.modal &&
        (SIGNALS.causeLinks.has(s.tokens, c.start, c.end) || SIGNALS.resultVerbs.has(s.tokens, c.start, c.end)),
    )
  );
});

/** "I grew revenue 40%": a company's or team's result with "I" as the one who did it. */
export const orgCredit = once((s: Sentence): boolean => {
  if (s.plural > 0 || SIGNALS.ownScope.has(s.tokens)) return false;
  return s.clauses.some(
    (c) =>
      c.subject === "self" &&
      !c.negated &&
      !c.modal &&
      !c.quoted &&
      SIGNALS.resultVerbs.has(s.tokens, c.start, c.end) &&
      SIGNALS.orgResults.has(s.tokens, c.start, s.tokens.length),
  );
});

/** "it was me who won it", "honestly that was me": a result's credit put on the speaker by a cleft. */
export const cleftCredit = once(
  (s: Sentence): boolean =>
    SIGNALS.cleftCredit.has(s.tokens) &&
    !SIGNALS.noBlame.has(s.tokens) &&
    !SIGNALS.faultWords.has(s.tokens) &&
    (s.figures.length > 0 || outcome(s) || SIGNALS.resultVerbs.has(s.tokens) || SIGNALS.orgResults.has(s.tokens)),
);

/** Clauses where the speaker's part is only being there: "I was involved in", "I helped with". */
export const vagueRoles = once(
  (s: Sentence): number =>
    s.clauses.filter((c) => c.subject === "self" && SIGNALS.vagueRole.has(s.tokens, c.start, c.end)).length,
);

export const notesOverclaim = once((s: Sentence) => SIGNALS.notesOverclaim.has(s.tokens));

/** "It was not my fault", "they dropped the ball" — unless the same words own the fault. */
export const explicitBlame = once((s: Sentence): boolean => {
  const blame = SIGNALS.explicitBlame.find(s.tokens);
  if (blame.length === 0) return false;
  const covered = (m: Match) => blame.some((b) => m.start >= b.start && m.end <= b.end);
  const owning = SIGNALS.noBlame.find(s.tokens).filter((m) => !covered(m));
  return owning.length === 0;
});

const NON_ACTIONS = new Set(
  [
    "know",
    "have",
    "be",
    "need",
    "want",
    "think",
    "realis",
    "realiz",
    "understand",
    "see",
    "expect",
    "like",
    "mind",
    "seem",
    "get",
    "matter",
    "care",
  ].map(stem),
);

/** A named other (a person, "the finance team", "night shift") failing at something. */
export const othersFailed = once((s: Sentence): Clause[] => {
  const problem = SIGNALS.problems.has(s.tokens);
  return s.clauses.filter((c) => {
    if (c.subject !== "person" || c.quoted || c.conditional || c.reported) return false;
    if (c.counterfactual && c.counterfactualModal === "should") return true;
    if (SIGNALS.faultWords.has(s.tokens, c.start, c.end) || keptDoing(s.tokens, c)) return true;
    // "The groundworks ran over because the subcontractors…": others given as the cause of a problem.
    if (problem && CAUSES.has(c.marker) && !c.modal && !c.negated) return true;
    const verbs = s.tokens
      .slice(c.start, c.end)
      .filter((t) => t.tags.has("Verb") && !t.tags.has("Copula") && !t.tags.has("Modal") && t.word !== "did");
    // "she could not lip-read me": not being able to is not a failing
    const unable = s.tokens.slice(c.start, c.end).some((t) => t.word === "could" || t.word === "can");
    // "because customers don't read the emails": a habit given as the cause
    return (
      c.negated &&
      (c.past || CAUSES.has(c.marker)) &&
      !unable &&
      verbs.length > 0 &&
      !verbs.some((t) => NON_ACTIONS.has(t.stem))
    );
  });
});

const CAUSES = new Set(["because", "since", "as"]);

// "kept walking off site", "kept overbooking tables": a habit of someone else's, told as a grievance
// (not "whose router kept dropping", where a thing keeps failing).
function keptDoing(tokens: Token[], c: Clause): boolean {
  for (let i = c.start; i + 1 < c.end; i++) {
    if (tokens[i].word === "whose") return false;
    if (tokens[i].word === "kept" && /ing$/.test(tokens[i + 1].word)) return true;
  }
  return false;
}

/** "…refused meals, so I worked with the diabetes nurse": what others did is the situation the
 * speaker then dealt with, not an excuse. */
export const dealtWith = once((s: Sentence): boolean => {
  const failed = othersFailed(s);
  if (failed.length === 0) return false;
  return s.clauses.some(
    (c) =>
      c.start > failed[0].start &&
      c.marker === "so" &&
      c.subject === "self" &&
      !c.modal &&
      !c.conditional &&
      !c.negated &&
      !c.counterfactual &&
      !c.opinion,
  );
});

/** The speaker owns a share of what went wrong. */
export const ownsFault = once((s: Sentence) =>
  SIGNALS.noBlame
    .find(s.tokens)
    .some(
      (m) =>
        !inClause(s, m)?.reported &&
        !SIGNALS.explicitBlame.find(s.tokens).some((b) => m.start >= b.start && m.end <= b.end),
    ),
);

export const notesBlame = once((s: Sentence) => SIGNALS.notesBlame.has(s.tokens));

/** The candidate looking at their own conduct: "I should have…", "I learned…", "since then I…". */
export const reflects = once((s: Sentence): boolean => {
  if (noChange(s)) return false;
  const own = s.clauses.filter((c) => speaker(c) && !c.quoted && !c.reported);
  if (own.some((c) => c.counterfactual)) return true;
  const othersBlamed = s.clauses.some(
    (c) => c.subject === "person" && (c.counterfactual || SIGNALS.faultWords.has(s.tokens, c.start, c.end)),
  );
  if (othersBlamed || own.length === 0) return false;
  return SIGNALS.reflection.find(s.tokens).some((m) => {
    const clause = inClause(s, m);
    return !clause || !clause.negated || clause.counterfactual;
  });
});

export const noChange = once((s: Sentence) => SIGNALS.noChange.has(s.tokens));
export const outcome = once((s: Sentence) => SIGNALS.outcome.has(s.tokens));
export const bigWords = once((s: Sentence) => SIGNALS.bigWords.has(s.tokens));
export const template = once((s: Sentence) => SIGNALS.template.has(s.tokens));
export const neverFaced = once((s: Sentence) => SIGNALS.neverFaced.has(s.tokens));
export const notesInconsistent = once((s: Sentence) => SIGNALS.notesInconsistent.has(s.tokens));
export const prompting = once((s: Sentence) => SIGNALS.prompting.has(s.tokens));
/** "That's a good question", "let me think": talk about the interview, not the story. */
export const meta = once((s: Sentence) => SIGNALS.meta.has(s.tokens) && s.words <= 14);

export const YEAR = "#year";

// Quantity facts ("a team of 4", "nine engineers", "5 years there") whose values can contradict.
export type Quantity = { value: number; unit: string; context: string[]; changing: boolean; sentence: Sentence };

const CHANGE = new Set(
  (
    "from to drop fell fall rose rise grew grow increas decreas reduc cut down up went rais lower improv befor " +
    "after versu vs instead compar per each everi anoth other more less fewer extra addit first then later " +
    "half halv doubl tripl"
  ).split(" "),
);
const STOP = new Set(
  "the a an of and to in on for with my our we i was were is it that this about around over under by at had have"
    .split(" ")
    .map(stem),
);
const WORD_VALUES: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  dozen: 12,
};

function valueOf(t: Token): number | undefined {
  if (/^\d/.test(t.word)) {
    const n = Number(t.word.replace(/,/g, "").replace(/%$/, ""));
    return Number.isFinite(n) ? n : undefined;
  }
  return WORD_VALUES[t.word];
}

export function quantities(sentence: Sentence): Quantity[] {
  const found: Quantity[] = [];
  const tokens = sentence.tokens;
  tokens.forEach((t, i) => {
    if (!t.number) return;
    const value = valueOf(t);
    if (value === undefined) return;
    // A year ("joined Kestrel in 2020") is a fact that a note can contradict ("LinkedIn: joined 2022").
    const year = /^(19|20)\d\d$/.test(t.word) && !tokens[i + 1]?.word.match(/^(%|percent)$/);
    const percent = !year && (t.word.endsWith("%") || tokens[i + 1]?.word === "percent");
    const unitToken = percent ? undefined : tokens[i + 1];
    // without the post-tagger a plural noun can carry a verb tag ("4 engineers"): accept any content word
    const functionWord = (t: Token) =>
      ["Preposition", "Determiner", "Conjunction", "Pronoun", "Adverb", "Modal", "Copula"].some((tag) =>
        t.tags.has(tag),
      );
    if (
      !percent &&
      !year &&
      (!unitToken ||
        !/^[a-z]/.test(unitToken.word) ||
        functionWord(unitToken) ||
        STOP.has(unitToken.stem) ||
        unitToken.number)
    )
      return;
    const unit = year ? YEAR : percent ? "%" : unitToken!.stem;
    const near = [...tokens.slice(Math.max(0, i - 4), i), ...tokens.slice(i + 2, i + 5)];
    const context = near
      .filter((w) => w.word.length > 2 && !STOP.has(w.stem) && !w.number && /[a-z]/.test(w.word))
      .map((w) => w.stem);
    const changing = [...tokens.slice(Math.max(0, i - 2), i), ...tokens.slice(i + 1, i + 4)].some(
      (w) => CHANGE.has(w.stem) || /→|->/.test(w.pre + w.post),
    );
    found.push({ value, unit, context, changing, sentence });
  });
  return found;
}
