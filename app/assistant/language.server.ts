import nlp from "compromise";
import { SIGNALS, isNumberWord, stem, type Word } from "./lexicon.server";

// ONE parse of a text (compromise: sentences, words, contractions, part-of-speech tags), then
// plain walks over its terms: clauses, who each clause is about, tense, modality, negation and
// quoted speech. Every detector reads this; nothing parses the text a second time.

// compromise's tokenizer already runs alias/normal/machine/contractions; the lexicon and
// preTagger tags are enough for pronouns, modals, tense and values, and skipping postTagger
// halves its cost.
const TAGGING = ["lexicon", "preTagger", "contractionTwo"];

export type Token = Word & {
  /** as written ("" for the second half of a contraction) */
  text: string;
  pre: string;
  post: string;
  /** lower case, contractions spelled out ("wasn't" → "was", "not") */
  word: string;
  tags: Set<string>;
  quoted: boolean;
  /** part of a contraction: `word` is what it stands for */
  contracted: boolean;
};

/** Who a clause is about: the speaker, the speaker's team, another person or group, or a thing. */
export type Subject = "self" | "we" | "person" | "thing" | "none";

export type Clause = {
  start: number;
  end: number;
  subject: Subject;
  /** the subject as written ("the finance team") */
  subjectText: string;
  /** "if", "because", "when"… the word that opens the clause, if any */
  marker: string;
  /** an "if"/"unless" clause: its past tenses are not events */
  conditional: boolean;
  /** would / will / could / might / going to: a plan or a hypothetical */
  modal: boolean;
  /** should / would / could have + participle: looking back at what was not done */
  counterfactual: boolean;
  /** the modal of a counterfactual ("should", "would", "could") */
  counterfactualModal: string;
  /** what someone else said or thought ("my manager said I should have…"): their view, not the speaker's */
  reported: boolean;
  past: boolean;
  negated: boolean;
  /** "I think", "I guess": the speaker's opinion rather than an action */
  opinion: boolean;
  passive: boolean;
  quoted: boolean;
};

export type Sentence = {
  text: string;
  tokens: Token[];
  clauses: Clause[];
  /** how many times the speaker says I / me / my / myself */
  singular: number;
  /** we / us / our */
  plural: number;
  /** clauses where the speaker (or the team) did something that happened */
  ownPast: number;
  /** clauses where the speaker acts, not "I think" or "I guess" */
  ownActions: number;
  /** clauses with the speaker planning or supposing ("I would call", "if we had…") */
  conditional: number;
  passive: boolean;
  hedges: string[];
  /** numbers, percentages and money, as written */
  figures: string[];
  /** the figures that measure something: not labels such as "Year 10", "band 6", "dock 4", "Q3" */
  measures: string[];
  properNouns: number;
  words: number;
};

export type Analysis = { text: string; sentences: Sentence[]; words: number };

const SELF = new Set(["i", "me", "my", "myself", "mine"]);
const WE = new Set(["we", "us", "our", "ours", "ourselves"]);
const PERSON_PRONOUNS = new Set([
  "he",
  "she",
  "they",
  "them",
  "him",
  "her",
  "his",
  "their",
  "you",
  "someone",
  "somebody",
  "everyone",
  "nobody",
  "people",
]);
const THING_PRONOUNS = new Set(["it", "this", "that", "there", "these", "those", "what", "which", "here"]);
const MARKERS = new Set([
  "if",
  "unless",
  "because",
  "when",
  "whenever",
  "while",
  "although",
  "though",
  "since",
  "so",
  "but",
  "and",
  "or",
  "then",
  "after",
  "before",
  "until",
  "once",
  "which",
  "who",
  "where",
  "as",
  "whereas",
  "otherwise",
]);
const CONDITIONAL = new Set(["if", "unless", "suppose", "supposing", "assuming", "imagine", "say"]);
const PLAN_MODALS = new Set(["would", "will", "could", "might", "shall", "gonna"]);
const LOOK_BACK_MODALS = new Set(["would", "should", "could", "might", "must", "ought"]);
const NEGATIONS = new Set(["not", "never"]);
const OPINION = new Set(
  [
    "think",
    "guess",
    "believe",
    "feel",
    "suppos",
    "mean",
    "reckon",
    "know",
    "hope",
    "imagin",
    "rememb",
    "recal",
    "sai",
    "say",
    "want",
    "like",
    "love",
    "tend",
    "try",
    "wish",
    "am",
    "is",
  ].map(stem),
);
// "My manager said I should have…": what follows a reporting verb is a clause of its own, and
// when another person reports it, it is their view.
const REPORTING = new Set(
  [
    "say",
    "said",
    "tell",
    "told",
    "mention",
    "think",
    "thought",
    "feel",
    "felt",
    "claim",
    "argu",
    "insist",
    "suggest",
    "complain",
    "reckon",
    "point",
  ].map(stem),
);
const INNER_SUBJECTS = new Set(["i", "we", "he", "she", "they", "you", "it"]);
// Spoken filler carries no grammar: "and, er, the transport office should've…"
const FILLER = new Set(["um", "umm", "uh", "uhh", "er", "erm", "hmm", "ah", "like", "yeah", "right", "okay", "ok"]);
const QUOTE_OPEN = /["“‘]/;
const QUOTE_CLOSE = /["”’]/;
const CLAUSE_BREAK = /[,;:—–()]|\s-\s/;
const PUNCTUATION_AFTER = /[,;:.!?]/;
const PERSON_NOUNS = SIGNALS.personNouns;

type Term = { text: string; pre: string; post: string; normal?: string; implicit?: string; tags: Set<string> };

export function analyse(text: string): Analysis {
  if (text.trim() === "") return { text, sentences: [], words: 0 };
  const doc = nlp.tokenize(text);
  doc.compute(TAGGING);
  const sentences: Sentence[] = [];
  for (const terms of doc.document as Term[][]) {
    // A line break ends a sentence too: notes are often one remark per line without a full stop.
    let part: Term[] = [];
    for (const term of terms) {
      part.push(term);
      if (term.post.includes("\n")) {
        sentences.push(sentenceOf(part));
        part = [];
      }
    }
    if (part.length > 0) sentences.push(sentenceOf(part));
  }
  const kept = sentences.filter((s) => s.text !== "");
  return { text, sentences: kept, words: kept.reduce((n, s) => n + s.words, 0) };
}

function sentenceOf(terms: Term[]): Sentence {
  let quoted = false;
  const tokens: Token[] = terms.map((t, i) => {
    const word = (t.implicit ?? t.normal ?? t.text).toLowerCase();
    if (QUOTE_OPEN.test(t.pre)) quoted = true;
    const token: Token = {
      text: t.text,
      pre: t.pre,
      post: t.post,
      word,
      stem: stem(word),
      number: /^\d/.test(word) || isNumberWord(word),
      proper: i > 0 && /^\p{Lu}/u.test(t.text) && word !== "i",
      tags: t.tags,
      quoted,
      contracted: t.implicit !== undefined,
    };
    if (QUOTE_CLOSE.test(t.post)) quoted = false;
    return token;
  });
  const clauses = clausesOf(tokens);
  const found = figuresOf(tokens);
  const sentence: Sentence = {
    text: terms
      .map((t) => t.pre + t.text + t.post)
      .join("")
      .trim(),
    tokens,
    clauses,
    singular: tokens.filter((t) => SELF.has(t.word)).length,
    plural: tokens.filter((t) => WE.has(t.word)).length,
    ownPast: 0,
    ownActions: 0,
    conditional: 0,
    passive: clauses.some((c) => c.passive),
    hedges: SIGNALS.hedges.find(tokens).map((m) => spanText(tokens, m.start, m.end)),
    figures: found.map((f) => f.text),
    measures: found.filter((f) => !isLabel(tokens, f.start)).map((f) => f.text),
    properNouns: 0,
    words: tokens.filter((t) => t.text !== "").length,
  };
  for (const c of clauses) {
    const speaker = c.subject === "self" || c.subject === "we";
    if (speaker && c.past && !c.conditional && !c.modal && !c.counterfactual && !c.opinion && !c.quoted)
      sentence.ownPast++;
    if (c.subject === "self" && !c.opinion && !c.quoted && !c.counterfactual) sentence.ownActions++;
    if (speaker && !c.quoted && !c.counterfactual && (c.modal || c.conditional)) sentence.conditional++;
  }
  sentence.properNouns = tokens.filter(
    (t, i) => i > 0 && t.tags.has("ProperNoun") && !SELF.has(t.word) && /^\p{Lu}/u.test(t.text),
  ).length;
  return sentence;
}

/** The words between two token indexes, as written. */
export function spanText(tokens: Token[], start: number, end: number): string {
  return tokens
    .slice(start, end)
    .map((t, i, all) => (i === 0 ? "" : t.pre) + t.text + (i === all.length - 1 ? "" : t.post))
    .join("")
    .trim();
}

function clausesOf(tokens: Token[]): Clause[] {
  const bounds: number[] = [0];
  const reportedFrom = new Set<number>();
  tokens.forEach((t, i) => {
    if (i > 0 && MARKERS.has(t.word) && bounds[bounds.length - 1] !== i) bounds.push(i);
    if (CLAUSE_BREAK.test(t.post) && i + 1 < tokens.length) bounds.push(i + 1);
    if (i > 0 && t.tags.has("Verb") && REPORTING.has(t.stem)) {
      const k = tokens[i + 1]?.word === "that" ? i + 2 : i + 1;
      if (INNER_SUBJECTS.has(tokens[k]?.word ?? "") && !CLAUSE_BREAK.test(t.post)) {
        bounds.push(k);
        reportedFrom.add(k);
      }
    }
  });
  const unique = [...new Set(bounds)].sort((a, b) => a - b);
  const clauses: Clause[] = [];
  let previous: Clause | undefined;
  let conditionalOpen = false;
  unique.forEach((start, k) => {
    const end = unique[k + 1] ?? tokens.length;
    if (end <= start) return;
    const clause = clauseOf(tokens, start, end, previous);
    if (reportedFrom.has(start) && previous?.subject === "person") clause.reported = true;
    // "If the customer called and I missed it, …": the "if" covers the words up to the comma.
    if (clause.marker === "and" && conditionalOpen) clause.conditional = true;
    conditionalOpen = clause.conditional && !CLAUSE_BREAK.test(tokens[end - 1].post);
    clauses.push(clause);
    previous = clause;
  });
  return clauses;
}

function clauseOf(tokens: Token[], start: number, end: number, previous: Clause | undefined): Clause {
  const first = tokens[start];
  const marker = MARKERS.has(first.word) || CONDITIONAL.has(first.word) ? first.word : "";
  let i = start + (marker ? 1 : 0);
  while (
    i < end &&
    (tokens[i].tags.has("Adverb") ||
      tokens[i].tags.has("Expression") ||
      tokens[i].tags.has("Conjunction") ||
      FILLER.has(tokens[i].word))
  )
    i++;
  // "On Friday two chefs…", "After the audit the finance team…": a phrase of time or place
  // before the subject; the subject starts at the last determiner, number or pronoun before the verb.
  if (i < end && tokens[i].tags.has("Preposition")) {
    let verb = i;
    while (verb < end && !tokens[verb].tags.has("Verb") && !tokens[verb].tags.has("Negative")) verb++;
    for (let k = verb - 1; k > i; k--) {
      const t = tokens[k];
      if (t.tags.has("Determiner") || t.tags.has("Pronoun") || t.number) {
        if (!PUNCTUATION_AFTER.test(tokens[k - 1].post) || k > i + 1) i = k;
        break;
      }
    }
  }
  const subjectStart = i;
  while (
    i < end &&
    (!tokens[i].tags.has("Verb") || nounInPhrase(tokens, i, subjectStart, end)) &&
    !tokens[i].tags.has("Negative") &&
    !tokens[i].tags.has("Adverb") &&
    // "the front of house team", "the head of finance": "of" stays inside the noun phrase
    (!tokens[i].tags.has("Preposition") || (tokens[i].word === "of" && i > subjectStart && i + 1 < end))
  )
    i++;
  let subject = subjectOf(tokens, subjectStart, i);
  let subjectText = spanText(tokens, subjectStart, i);
  // "I called and sent the fix": a clause opening on its verb shares the previous subject.
  if (subject === "none" && previous && i === subjectStart && ["and", "or", "then", "but", "so", ""].includes(marker)) {
    subject = previous.subject;
    subjectText = previous.subjectText;
  }
  const clause: Clause = {
    start,
    end,
    subject,
    subjectText,
    marker,
    conditional:
      CONDITIONAL.has(marker) ||
      (previous?.conditional === true &&
        marker === "" &&
        previous.end === start &&
        !CLAUSE_BREAK.test(tokens[start - 1]?.post ?? ",")),
    modal: false,
    counterfactual: false,
    counterfactualModal: "",
    reported: false,
    past: false,
    negated: false,
    opinion: false,
    passive: false,
    quoted: tokens.slice(start, end).filter((t) => t.quoted).length * 2 > end - start,
  };
  let firstVerb = true;
  for (let j = start; j < end; j++) {
    const t = tokens[j];
    if (NEGATIONS.has(t.word) || t.tags.has("Negative")) clause.negated = true;
    if (LOOK_BACK_MODALS.has(t.word) || t.word === "ought") {
      const k = skipAdverbs(tokens, j + 1, end);
      if (tokens[k]?.word === "have" && tokens[skipAdverbs(tokens, k + 1, end)]?.tags.has("PastTense")) {
        clause.counterfactual = true;
        clause.counterfactualModal = t.word;
        j = k;
        continue;
      }
    }
    if (
      PLAN_MODALS.has(t.word) ||
      (t.word === "going" && tokens[j + 1]?.word === "to" && tokens[j + 2]?.tags.has("Infinitive"))
    )
      clause.modal = true;
    if (t.tags.has("Verb")) {
      if (
        firstVerb &&
        j >= subjectStart &&
        (subject === "self" || subject === "we") &&
        OPINION.has(t.stem) &&
        !t.tags.has("Copula")
      )
        clause.opinion = true;
      if (firstVerb && !t.tags.has("Modal")) firstVerb = false;
      if (t.tags.has("PastTense")) clause.past = true;
      // "was handled", and the spoken "got sorted", "got picked up"
      if (t.tags.has("Copula") || /^(got|get|gets|getting|gotten)$/.test(t.word)) {
        const k = skipAdverbs(tokens, j + 1, end);
        if (participle(tokens[k])) clause.passive = true;
      }
    }
  }
  // "I guess…", "I think…", "I'm not sure…": the speaker's view, whatever tag the verb got.
  if (subject === "self" || subject === "we") {
    const k = skipAdverbs(tokens, i, end);
    const next = tokens[k];
    if (
      next &&
      (OPINION.has(next.stem) || (next.tags.has("Copula") && tokens[skipAdverbs(tokens, k + 1, end)]?.word === "sure"))
    )
      clause.opinion = true;
  }
  if (
    clause.counterfactual &&
    !tokens.slice(start, end).some((t) => t.tags.has("PastTense") && !t.word.match(/^(been|had)$/))
  )
    clause.past = false;
  return clause;
}

// Without the post-tagger a noun can carry a verb tag: "the transport office", "the agency nurses
// never signed". Right after a determiner, or inside a noun phrase just before the real verb, it is a noun.
function nounInPhrase(tokens: Token[], i: number, start: number, end: number): boolean {
  const t = tokens[i];
  if (i === start || ["Modal", "Copula", "Auxiliary", "PastTense", "Gerund"].some((tag) => t.tags.has(tag)))
    return false;
  const before = tokens[i - 1];
  if (before.tags.has("Determiner") || before.tags.has("Possessive")) return true;
  const next = tokens[i + 1];
  return (
    i + 1 < end &&
    (before.tags.has("Noun") || before.tags.has("Adjective")) &&
    !before.tags.has("Pronoun") &&
    ["Verb", "Modal", "Negative", "Adverb"].some((tag) => next.tags.has(tag))
  );
}

// After "was"/"got": "handled", "simplified" (tagged an adjective), "brought", "done" — not "was tired of".
const IRREGULAR_PARTICIPLES = new Set(
  "brought done made given taken sent built told put set kept found paid held left shown known seen written run caught bought sold spent won lost cut chosen drawn driven forgotten".split(
    " ",
  ),
);
function participle(t: Token | undefined): boolean {
  if (!t) return false;
  if (IRREGULAR_PARTICIPLES.has(t.word)) return t.tags.has("Verb");
  return (
    t.word.endsWith("ed") &&
    (t.tags.has("PastTense") || t.tags.has("Adjective")) &&
    !/^(tired|bored|worried|pleased|excited|interested|scared|surprised|disappointed)$/.test(t.word)
  );
}

function skipAdverbs(tokens: Token[], from: number, end: number): number {
  let k = from;
  while (k < end && (tokens[k].tags.has("Adverb") || tokens[k].tags.has("Negative") || tokens[k].word === "not")) k++;
  return k;
}

function subjectOf(tokens: Token[], start: number, end: number): Subject {
  if (end <= start) return "none";
  const words = tokens.slice(start, end);
  const head = words[0].word;
  if (head === "i" || head === "myself") return "self";
  if (head === "we") return "we";
  // "Next time I'd…", "Looking back we…": a phrase of time before the speaker.
  const last = words[words.length - 1].word;
  if (last === "i" && words.length <= 4) return "self";
  if (last === "we" && words.length <= 4) return "we";
  if (words.length === 1 && PERSON_PRONOUNS.has(head)) return "person";
  if (words.length === 1 && THING_PRONOUNS.has(head)) return "thing";
  if (
    PERSON_NOUNS.has(tokens, start, end) ||
    words.some(
      (t) =>
        t.tags.has("Person") ||
        // compromise knows many roles ("roofers", "deputy", "receptionist") as Actor nouns
        t.tags.has("Actor") ||
        (t.tags.has("ProperNoun") && !SELF.has(t.word) && /^\p{Lu}/u.test(t.text)),
    )
  ) {
    return "person";
  }
  if (head === "my" || head === "our") return "thing";
  return words.some((t) => t.tags.has("Noun")) ? "thing" : "none";
}

// A number right after a capitalised word or a naming noun names a thing rather than measuring it.
const LABELS = new Set(
  "year band ward bay dock level grade room gate route phase step block unit floor tier zone aisle door stage version key day week"
    .split(" ")
    .map(stem),
);
function isLabel(tokens: Token[], at: number): boolean {
  const before = tokens[at - 1];
  if (/^[A-Z]\d/.test(tokens[at].text)) return true;
  if (!before || /[,;:.!?]/.test(before.post)) return false;
  return LABELS.has(before.stem) || (before.proper === true && !before.tags.has("Verb") && before.tags.has("Noun"));
}

function figuresOf(tokens: Token[]): { text: string; start: number }[] {
  const figures: { text: string; start: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i].tags.has("Value")) continue;
    let j = i;
    while (j + 1 < tokens.length && tokens[j + 1].tags.has("Value") && !/[,.;:]\s*$/.test(tokens[j].post)) j++;
    const figure = spanText(tokens, i, j + 1).replace(/[.,;:)]+$/, "");
    const start = i;
    i = j;
    // Years place a story in time and ordinals order it; neither measures anything. "One" is
    // as often a pronoun ("the one who") as a count.
    const digits = figure.replace(/[^\d]/g, "");
    const year = /^(19|20)\d\d$/.test(digits) && digits.length === figure.replace(/[^\d\w]/g, "").length;
    const wordOnly = !/\d|%|\$|€|£/.test(figure);
    if (year || (wordOnly && /^(one|first|second|third|last|once)$|th$/i.test(figure))) continue;
    figures.push({ text: figure, start });
  }
  return figures;
}

/** Sentences quoted as evidence stay verbatim; very long ones are cut to a verbatim prefix. */
export function quote(sentence: string, max = 300): string {
  if (sentence.length <= max) return sentence;
  const cut = sentence.slice(0, max);
  return cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : max);
}

/** Stems of the content words of a text, for coverage checks (key points, follow-ups). */
export function contentStems(analysis: Analysis): string[] {
  return analysis.sentences.flatMap((s) =>
    s.tokens
      .filter(
        (t) =>
          (t.tags.has("Noun") || t.tags.has("Verb") || t.tags.has("Adjective")) &&
          !t.tags.has("Pronoun") &&
          !t.tags.has("Copula") &&
          !t.tags.has("Modal") &&
          t.word.length >= 3,
      )
      .map((t) => t.stem),
  );
}
