import nlp from "compromise";
import { retext } from "retext";
import retextEnglish from "retext-english";
import retextIntensify from "retext-intensify";
import retextPassive from "retext-passive";

// One pass of the language tools over a text, kept per sentence so every signal can quote
// its sentence verbatim as evidence.

// compromise's postTagger pass is two thirds of its cost (≈28 of 42 ms on 2,000 words here);
// the lexicon and preTagger tags are enough for pronouns, modals, tense and values. (tokenize()
// has already expanded contractions; running that hook twice duplicates the implicit words.)
const TAGGING = ["alias", "machine", "index", "id", "freeze", "lexicon", "preTagger", "contractionTwo"];

// "would" is a hedge to retext-intensify, but a conditional is the hypothetical-answer signal,
// and "about"/"around" before a figure is an honest approximation: counted elsewhere or not at all.
const weakWording = retext()
  .use(retextEnglish)
  .use(retextIntensify, { ignore: ["would", "could", "should", "about", "around", "approximately", "some", "most"] })
  .use(retextPassive)
  .freeze();

export type Sentence = {
  text: string;
  /** how many times the speaker says I / me / my / myself */
  singular: number;
  /** we / us / our */
  plural: number;
  /** "I ran", "I was" — the speaker's own past actions */
  ownPast: number;
  /** "I called", "I set up" — the speaker as the one acting, not "I think" or "I guess" */
  ownActions: number;
  /** "I would call", "we'd escalate" — conditional or future actions */
  conditional: number;
  passive: boolean;
  hedges: string[];
  /** numbers, percentages and money, as written */
  figures: string[];
  properNouns: number;
  words: number;
};

type Doc = ReturnType<typeof nlp.tokenize>;
// `doc` is kept so later steps (key-point coverage) reuse the tagging instead of redoing it.
export type Analysis = { text: string; sentences: Sentence[]; words: number; doc: Doc };

export function tag(text: string): Doc {
  const doc = nlp.tokenize(text);
  doc.compute(TAGGING);
  return doc;
}

const PATTERNS = {
  singular: "(i|me|my|myself|mine)",
  plural: "(we|us|our|ours|ourselves)",
  ownPast: "(i|we) #Adverb{0,2} (#PastTense|#Participle)",
  ownActions: "i #Adverb{0,2} #Verb",
  ownOpinion: "i #Adverb{0,2} (think|guess|believe|feel|suppose|mean|reckon|know|hope)",
  conditional: "(i|we) #Adverb{0,2} (would|will|could|might|can|shall) #Adverb{0,2} #Negative? #Verb",
  passive: "#Copula #Adverb{0,2} #PastTense",
  figures: "#Value+",
  properNouns: "#ProperNoun+",
} as const;

export function analyse(text: string): Analysis {
  const doc = tag(text);
  const sentences: Sentence[] = doc.document.map((terms) => ({
    text: terms.map((t) => t.pre + t.text + t.post).join("").trim(),
    singular: 0,
    plural: 0,
    ownPast: 0,
    ownActions: 0,
    conditional: 0,
    passive: false,
    hedges: [],
    figures: [],
    properNouns: 0,
    words: terms.filter((t) => t.text !== "").length,
  }));
  // Pointers say which sentence each match is in; walking them is far cheaper than a View per match.
  const count = (pattern: string, apply: (s: Sentence, match: string) => void) => {
    const matches = doc.match(pattern);
    const words: string[] = matches.out("array");
    (matches.pointer ?? []).forEach(([n], i) => {
      if (n !== undefined) apply(sentences[n], words[i]?.trim() ?? "");
    });
  };
  count(PATTERNS.singular, (s) => s.singular++);
  count(PATTERNS.plural, (s) => s.plural++);
  count(PATTERNS.ownPast, (s) => s.ownPast++);
  count(PATTERNS.ownActions, (s) => s.ownActions++);
  count(PATTERNS.ownOpinion, (s) => s.ownActions--);
  count(PATTERNS.conditional, (s) => s.conditional++);
  count(PATTERNS.passive, (s) => (s.passive = true));
  count(PATTERNS.properNouns, (s) => s.properNouns++);
  count(PATTERNS.figures, (s, m) => {
    // Years place a story in time and ordinals order it; neither measures anything. "One" is
    // as often a pronoun ("the one who") as a count.
    const year = /^(19|20)\d\d$/.test(m.replace(/[^\d]/g, ""));
    const wordOnly = !/\d|%|\$|€|£/.test(m);
    if (year || (wordOnly && /^(one|first|second|third|last|once)$|th$/i.test(m))) return;
    s.figures.push(m.replace(/[.,;:)]+$/, ""));
  });
  markWeakWording(text, sentences);
  return { text, sentences, words: sentences.reduce((n, s) => n + s.words, 0), doc };
}

function markWeakWording(text: string, sentences: Sentence[]) {
  const file = weakWording.processSync(text);
  const starts = sentenceStarts(text, sentences);
  for (const message of file.messages) {
    const offset = message.place && "start" in message.place ? message.place.start.offset : undefined;
    if (offset === undefined) continue;
    const i = lastIndexAtOrBefore(starts, offset);
    if (i < 0) continue;
    if (message.source === "retext-passive") sentences[i].passive = true;
    else if (message.ruleId === "hedge" || message.ruleId === "weasel") sentences[i].hedges.push(String(message.actual));
  }
}

function sentenceStarts(text: string, sentences: Sentence[]): number[] {
  let cursor = 0;
  return sentences.map((s) => {
    const at = text.indexOf(s.text, cursor);
    if (at >= 0) cursor = at + s.text.length;
    return at >= 0 ? at : cursor;
  });
}

function lastIndexAtOrBefore(starts: number[], offset: number): number {
  let found = -1;
  for (let i = 0; i < starts.length && starts[i] <= offset; i++) found = i;
  return found;
}

/** Sentences quoted as evidence stay verbatim; very long ones are cut to a verbatim prefix. */
export function quote(sentence: string, max = 300): string {
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  return cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : max);
}
