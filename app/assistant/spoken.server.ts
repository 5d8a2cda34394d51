import type { Sentence, Token } from "./language.server";
import { PhraseList, SIGNALS } from "./lexicon.server";
import spokenData from "./spoken.json";

// Spoken answers as the committee should read them: which words of a sentence are talk rather
// than content (filler, false starts, remarks about the interview), and sentences rejoined where
// the parser broke them at an abbreviation ("1,200 tickets vs. a target of 300").

const META = PhraseList.of(spokenData.meta);
/** Verbs of a choice the candidate made ("we dropped the widget", "I rang José"). */
export const DECISIONS = PhraseList.of(spokenData.decisions);
/** A lesson already acted on ("now I always…", "since then we…"). */
export const LESSONS = PhraseList.of(spokenData.lessons);
const ALWAYS_FILLER = new Set(["um", "umm", "uh", "uhh", "erm", "er", "hmm", "ah", "oh"]);
// Real words elsewhere ("so that", "as well", "right away"): filler only when they open the sentence.
const ANYWHERE = new Set(["basically", "literally"]);
const START_ONLY = new Set(["so", "well", "right", "and", "anyway", "anyways", "okay", "ok", "yeah", "yep"]);
// A word said twice with nothing between is a stutter, except where English repeats it ("that that").
const REPEATABLE = new Set(["that", "had", "is", "very", "really", "many", "much", "far", "more", "again"]);

const breakAfter = (t: Token | undefined) => t === undefined || /[,;:—–-]\s*$|[.!?]\s*$/.test(t.post);

/** Words left out; `repeats` are the first sayings of a false start, whose punctuation still counts. */
export class Talk extends Set<number> {
  readonly repeats = new Set<number>();
}

// Summary, strengths and follow-ups read the same sentences: work each out once.
const talked = new WeakMap<Sentence, Talk>();
const joined = new WeakMap<Sentence[], Sentence[]>();

/** Indexes of the words to leave out: filler, false starts and meta remarks that stand apart. */
export function talk(s: Sentence): Talk {
  let found = talked.get(s);
  if (!found) talked.set(s, (found = talkIn(s)));
  return found;
}

function talkIn(s: Sentence): Talk {
  const drop = new Talk();
  const tokens = s.tokens;
  for (const m of SIGNALS.filler.find(tokens)) {
    const first = tokens[m.start];
    const before = tokens[m.start - 1];
    const opening = m.start === 0;
    const apart = opening || breakAfter(before);
    const determined =
      before && !breakAfter(before) && /^(a|the|this|that|what|as|would|i|you|we|they)$/.test(before.word);
    const hedge =
      (first.word === "kind" || first.word === "sort") &&
      !(before && /^(a|an|the|this|that|what|which|any|some|every|each|no)$/.test(before.word));
    // "for like ten years": "like" before a figure means "about", and the figure stands alone.
    const approximately = first.word === "like" && tokens[m.end]?.number === true && !determined;
    if (
      ALWAYS_FILLER.has(first.word) ||
      hedge ||
      approximately ||
      (apart && !determined && (opening || !START_ONLY.has(first.word)))
    ) {
      for (let i = m.start; i < m.end; i++) drop.add(i);
    }
  }
  dropFalseStarts(tokens, drop);
  for (const m of META.find(tokens)) {
    const before = tokens[m.start - 1];
    if (m.start === 0 || breakAfter(before) || drop.has(m.start - 1) || /^(and|but|so)$/.test(before.word))
      for (let i = m.start; i < m.end; i++) drop.add(i);
  }
  tokens.forEach((t, i) => {
    if (ANYWHERE.has(t.word)) drop.add(i);
  });
  // An opening "So," or "And" is talk, not content.
  let i = 0;
  while (i < tokens.length && drop.has(i)) i++;
  while (
    i < tokens.length - 1 &&
    (drop.has(i) || SIGNALS.discourseOpeners.has(tokens, i, i + 1)) &&
    !["looking", "in"].includes(tokens[i].word)
  )
    drop.add(i++);
  return drop;
}

// "I, I flew", "the kitchen, like, the kitchen never", "the the big one": the last saying stays.
function dropFalseStarts(tokens: Token[], drop: Talk) {
  const kept = tokens.map((_, i) => i).filter((i) => !drop.has(i));
  const same = (a: number, b: number) => tokens[a].word === tokens[b].word && /\p{L}/u.test(tokens[a].word);
  for (let k = 0; k < kept.length; k++) {
    for (let n = 3; n >= 1; n--) {
      if (k + 2 * n > kept.length) continue;
      const first = kept.slice(k, k + n);
      const second = kept.slice(k + n, k + 2 * n);
      if (!first.every((a, j) => same(a, second[j]))) continue;
      const last = first[n - 1];
      const broken = breakAfter(tokens[last]) || second[0] > last + 1;
      const stutter = n === 1 && !REPEATABLE.has(tokens[last].word) && tokens[last].text !== "";
      if (!broken && !stutter) continue;
      first.forEach((a) => {
        drop.add(a);
        drop.repeats.add(a);
      });
      break;
    }
  }
}

/** The candidate's own words without the talk, cut to `max` words: a quote a committee can read. */
export function spokenQuote(s: Sentence, max = 14): string {
  const drop = talk(s);
  const words = s.tokens
    .map((t, i) => ({ t, i, post: t.post || (s.tokens[i + 1]?.text === "" ? s.tokens[i + 1].post : "") }))
    .filter(({ t, i }) => !drop.has(i) && t.text !== "")
    .map(({ t, post }) => t.pre.replace(/\s+/g, " ") + t.text + post.replace(/\s+/g, " "))
    .join("")
    .trim()
    .replace(/^[,;:—–-]\s*/, "")
    .split(/\s+/);
  const text = words
    .slice(0, max)
    .join(" ")
    .replace(/[.;:,—–-]+$/, "");
  return words.length > max ? `${text} …` : text;
}

/** Content words left once the talk is dropped. */
export function contentWords(s: Sentence): number {
  const drop = talk(s);
  return s.tokens.filter((t, i) => !drop.has(i) && t.text !== "" && /[\p{L}\p{N}]/u.test(t.text)).length;
}

// Abbreviations the parser may take for a full stop when a lower-case word follows.
const ABBREVIATIONS = new Set(
  "vs v etc eg ie approx appx dr st mr mrs ms prof no nos fig incl dept est min max mt jr sr co corp inc ltd"
    .split(" ")
    .map((w) => w.replace(/\./g, "")),
);

/** The answer's sentences with any split at an abbreviation ("vs. a target", "approx. 9") undone. */
export function rejoined(sentences: Sentence[]): Sentence[] {
  let found = joined.get(sentences);
  if (!found) joined.set(sentences, (found = rejoin(sentences)));
  return found;
}

function rejoin(sentences: Sentence[]): Sentence[] {
  const out: Sentence[] = [];
  for (const s of sentences) {
    const previous = out[out.length - 1];
    const last = previous?.tokens[previous.tokens.length - 1];
    const abbreviation = last !== undefined && ABBREVIATIONS.has(last.word.replace(/\./g, ""));
    if (previous && abbreviation && /^\p{Ll}|^\d/u.test(s.text) && !previous.text.includes("\n"))
      out[out.length - 1] = join(previous, s);
    else out.push(s);
  }
  return out;
}

function join(a: Sentence, b: Sentence): Sentence {
  const shift = a.tokens.length;
  return {
    ...a,
    text: `${a.text} ${b.text}`,
    tokens: [...a.tokens, ...b.tokens],
    clauses: [...a.clauses, ...b.clauses.map((c) => ({ ...c, start: c.start + shift, end: c.end + shift }))],
    singular: a.singular + b.singular,
    plural: a.plural + b.plural,
    ownPast: a.ownPast + b.ownPast,
    ownActions: a.ownActions + b.ownActions,
    conditional: a.conditional + b.conditional,
    passive: a.passive || b.passive,
    hedges: [...a.hedges, ...b.hedges],
    figures: [...a.figures, ...b.figures],
    properNouns: a.properNouns + b.properNouns,
    words: a.words + b.words,
  };
}
