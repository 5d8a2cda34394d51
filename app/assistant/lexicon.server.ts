import { stemmer } from "stemmer";
import biasData from "./lexicon/bias.json";
import signalData from "./lexicon/signals.json";

// The word lists in ./lexicon, compiled once into phrase matchers over stemmed words, so an entry
// matches its plurals and inflections ("kid" → "kids", "credit herself" → "credits herself").

const stems = new Map<string, string>();
/** Lower case, possessive dropped, Porter stem; memoised because the same words recur. */
export function stem(word: string): string {
  let found = stems.get(word);
  if (found === undefined) {
    const bare = word
      .toLowerCase()
      .replace(/['’]s$/, "")
      .replace(/[^\p{L}\p{N}'-]+/gu, "");
    found = /^\d/.test(bare) ? "#num" : stemmer(bare);
    stems.set(word, found);
  }
  return found;
}

const NUMBER_WORDS = new Set(
  (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen " +
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million dozen half"
  ).split(" "),
);
export const isNumberWord = (word: string) => NUMBER_WORDS.has(word.toLowerCase());

/** The words of a phrase with its contractions spelled out the way the parser spells them. */
function expand(phrase: string): string[] {
  return phrase
    .toLowerCase()
    .replace(/\bcan't\b/g, "can not")
    .replace(/\bwon't\b/g, "will not")
    .replace(/\bcannot\b/g, "can not")
    .replace(/n't\b/g, " not")
    .replace(/'m\b/g, " am")
    .replace(/'re\b/g, " are")
    .replace(/'ve\b/g, " have")
    .replace(/'ll\b/g, " will")
    .replace(/'d\b/g, " would|had")
    .replace(/\b(it|that|there|she|he|what|who|here|this)'s\b/g, "$1 is")
    .split(/[\s-]+/)
    .filter(Boolean);
}

/** `{ exact }`: an entry written `=polish` matches that word only, not "polished" (same stem). */
type Slot = "*" | "#num" | "@proper" | Set<string> | { exact: string };
export type Phrase = { text: string; slots: Slot[] };
/** Anything with a word (already lower-cased and expanded) and its stem; `proper`: a capitalised name
 * inside a sentence. */
export type Word = { stem: string; number: boolean; proper?: boolean; word?: string };

function compile(text: string): Phrase {
  const slots = expand(text).map((w): Slot => {
    if (w === "*" || w === "#num" || w === "@proper") return w;
    return w.startsWith("=") ? { exact: w.slice(1) } : new Set(w.split("|").map(stem));
  });
  return { text, slots };
}

export type Match = { phrase: Phrase; start: number; end: number };

/** A list of phrases, indexed by the stem of their first word. */
export class PhraseList {
  private byFirst = new Map<string, Phrase[]>();
  private open: Phrase[] = [];
  private numbered: Phrase[] = [];
  constructor(readonly phrases: Phrase[]) {
    for (const p of phrases) {
      const first = p.slots[0];
      if (first === "#num") this.numbered.push(p);
      else if (first === "*" || first === "@proper") this.open.push(p);
      else
        for (const s of first instanceof Set ? first : [stem(first.exact)])
          this.byFirst.set(s, [...(this.byFirst.get(s) ?? []), p]);
    }
  }
  static of(texts: string[]) {
    return new PhraseList(texts.map(compile));
  }
  /** Every match in `words[from, to)`, longest first at each position. */
  find(words: Word[], from = 0, to = words.length): Match[] {
    const found: Match[] = [];
    for (let i = from; i < to; i++) {
      const first = words[i];
      const indexed = this.byFirst.get(first.stem);
      if (!indexed && !(first.number && this.numbered.length > 0)) continue;
      for (const phrase of [...(indexed ?? []), ...(first.number ? this.numbered : [])]) {
        const end = matchFrom(phrase, words, i, to);
        if (end > 0) found.push({ phrase, start: i, end });
      }
    }
    return found.sort((a, b) => a.start - b.start || b.end - a.end);
  }
  has(words: Word[], from = 0, to = words.length): boolean {
    return this.find(words, from, to).length > 0;
  }
}

// Intensifiers inside a phrase change nothing: "not really my fault", "that was honestly me".
const INTENSIFIERS = new Set(
  // not "entirely", "all", "just": "not entirely my fault" owns a part of it
  [
    "really",
    "actually",
    "honestly",
    "basically",
    "literally",
    "truly",
    "genuinely",
    "quite",
    "very",
    "rather",
    "so",
  ].map((w) => stemmer(w)),
);

/** Where the phrase ends when it matches at `start` (skipping up to two intensifiers), else 0. */
function matchFrom(phrase: Phrase, words: Word[], start: number, to: number): number {
  let j = start;
  let skipped = 0;
  for (let k = 0; k < phrase.slots.length; k++, j++) {
    while (k > 0 && j < to && skipped < 2 && !fits(phrase.slots[k], words[j]) && INTENSIFIERS.has(words[j].stem)) {
      j++;
      skipped++;
    }
    if (j >= to || !fits(phrase.slots[k], words[j])) return 0;
  }
  return j;
}

function fits(slot: Slot, word: Word): boolean {
  if (slot === "*") return true;
  if (slot === "#num") return word.number;
  if (slot === "@proper") return word.proper === true;
  if (!(slot instanceof Set)) return word.word === slot.exact;
  return slot.has(word.stem);
}

type SignalName = Exclude<keyof typeof signalData, "_comment">;
export const SIGNALS = Object.fromEntries(
  Object.entries(signalData)
    .filter(([name]) => name !== "_comment")
    .map(([name, list]) => [name, PhraseList.of(list as string[])]),
) as Record<SignalName, PhraseList>;

export type BiasTopicName = keyof typeof biasData.topics;
export type BiasTopic = {
  topic: BiasTopicName;
  message: string;
  personal: PhraseList;
  terms: PhraseList;
  exclude: PhraseList;
};
export const BIAS_TOPICS: BiasTopic[] = (
  Object.entries(biasData.topics) as [BiasTopicName, (typeof biasData.topics)[BiasTopicName]][]
).map(([topic, t]) => ({
  topic,
  message: t.message,
  personal: PhraseList.of(t.personal),
  terms: PhraseList.of(t.terms),
  exclude: PhraseList.of(t.exclude),
}));
export const CULTURE_FIT = PhraseList.of(biasData.cultureFit);
// "mother's", "child's": only the possessive names a third party ("the patient's mother's…"); a bare
// "mother of three" is about the candidate.
const possessive = (p: string) => /['’]s?$/.test(p);
const THIRD_PARTY_NOUNS = new Set(
  biasData.thirdParties.filter((p) => !possessive(p)).flatMap((p) => expand(p).slice(-1).map(stem)),
);
const THIRD_PARTY_OWNERS = new Set(biasData.thirdParties.filter(possessive).map(stem));
/** A word (as written) that names a customer, patient, product, system… rather than the candidate. */
export function isThirdParty(written: string): boolean {
  const stemmed = stem(written);
  return THIRD_PARTY_NOUNS.has(stemmed) || (possessive(written) && THIRD_PARTY_OWNERS.has(stemmed));
}
