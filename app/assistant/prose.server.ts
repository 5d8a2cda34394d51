import { analyse, type Sentence } from "./language.server";
import { talk } from "./spoken.server";

// The candidate's spoken sentences as committee prose: third person, contractions spelled out
// by their meaning ("I'd go" → "would", "I'd gone" → "had"), spoken filler dropped, every
// other word (figures included) exactly as said.

const THIRD: Record<string, string> = {
  i: "they",
  me: "them",
  my: "their",
  mine: "theirs",
  myself: "themselves",
  we: "the team",
  us: "the team",
  our: "the team's",
  ours: "the team's",
  ourselves: "themselves",
};
const SECOND: Record<string, string> = {
  i: "you",
  me: "you",
  my: "your",
  mine: "yours",
  myself: "yourself",
  we: "you",
  us: "you",
  our: "your",
  ours: "yours",
  ourselves: "yourselves",
  am: "are",
  was: "were",
};
// "they" takes the plural verb where "I" did not.
const AFTER_THEY: Record<string, string> = { am: "are", was: "were" };
// The candidate named once at the start of a paragraph; only where no verb has to agree with it.
const NAMED: Record<string, string> = { i: "the candidate", my: "the candidate's", me: "the candidate" };
// "it's", "that's" spell out; "Mary's", "the system's" stay as said (a possessive, or clear enough).
const SPELLED_S = new Set(["it", "that", "there", "here", "he", "she", "what", "who", "where", "how", "this"]);

export type Voice = "third" | "second";

/** One sentence (or its tokens `from..to`) rewritten in the given voice. */
export function render(
  s: Sentence,
  options: { voice?: Voice; nameCandidate?: boolean; from?: number; to?: number } = {},
): string {
  const { voice = "third", from = 0, to = s.tokens.length } = options;
  let named = !options.nameCandidate;
  const drop = talk(s);
  let out = "";
  let previous = "";
  for (let i = from; i < to; i++) {
    const t = s.tokens[i];
    if (drop.has(i)) {
      // keep a sentence break the dropped word carried; drop the comma that set it apart
      if (/[.!?]/.test(t.post)) out = out.replace(/[,\s]*$/, "") + ".";
      else if (/,/.test(t.post) && !drop.repeats.has(i)) out = out.replace(/,\s*$/, " ");
      continue;
    }
    const next = s.tokens[i + 1];
    if (t.contracted && t.text !== "" && next?.text === "" && !SPELLED_S.has(t.word) && /^(is|has)$/.test(next.word)) {
      out += (i === from ? "" : t.pre) + t.text + (t.post || next.post);
      previous = t.word;
      i++;
      continue;
    }
    const contracted = t.contracted;
    let word = contracted ? t.word : t.text;
    const lower = word.toLowerCase();
    let replaced: string | undefined;
    if (voice === "second")
      replaced =
        SECOND[lower] && (lower !== "am" && lower !== "was" ? true : previous === "you") ? SECOND[lower] : undefined;
    else if (
      !named &&
      NAMED[lower] &&
      (lower !== "i" || (next !== undefined && (next.tags.has("PastTense") || next.tags.has("Modal"))))
    ) {
      replaced = NAMED[lower];
      named = true;
    }
    replaced ??=
      voice === "third" ? (THIRD[lower] ?? (previous === "they" ? AFTER_THEY[lower] : undefined)) : undefined;
    if (t.word === "not" && t.text === "" && previous === "can") {
      out = out.replace(/\s*$/, "") + "not" + t.post;
      previous = "not";
      continue;
    }
    if (replaced !== undefined) word = replaced;
    else if (
      contracted &&
      t.word === "would" &&
      t.text === "" &&
      next?.tags.has("PastTense") &&
      !next.tags.has("Infinitive")
    )
      word = "had";
    const pre = i === from ? "" : t.text === "" ? " " : t.pre;
    const post = contracted && t.text !== "" && s.tokens[i + 1]?.text === "" ? "" : t.post;
    out += pre + word + post;
    previous = replaced === "they" || replaced === "you" ? replaced : lower;
  }
  return tidy(out);
}

function tidy(text: string): string {
  let out = text
    .replace(/\s+/g, " ")
    .replace(/\s+([,.;:!?])/g, "$1")
    .replace(/,\s*([.!?])/g, "$1")
    .replace(/^[,;:\s—–-]+/, "")
    .trim();
  out = out.charAt(0).toUpperCase() + out.slice(1);
  if (out !== "" && !/[.!?"”…]$/.test(out)) out = out.replace(/[,;:]$/, "") + ".";
  return out;
}

/** "I'm sure I wasn't told" → "They are sure they were not told". */
export function thirdPerson(sentence: string): string {
  return analyse(sentence)
    .sentences.map((s) => render(s))
    .join(" ");
}

/** A short piece of what the candidate said, turned to the interviewer's "you": for follow-ups. */
const content = (s: Sentence, c: { start: number; end: number }) =>
  s.tokens
    .slice(c.start, c.end)
    .filter((t) => t.number || t.proper || (t.tags.has("Noun") && !t.tags.has("Pronoun") && t.word.length > 3)).length;

export function echo(s: Sentence, maxWords = 16): string {
  const drop = talk(s);
  const said = s.tokens.filter((t, i) => !drop.has(i) && t.text !== "").length;
  let start = 0;
  let end = s.tokens.length;
  if (said > maxWords) {
    // The speaker's clause that says the most (things, names, figures), else the first.
    const own = s.clauses.filter((c) => c.subject === "self" || c.subject === "we");
    const clause = own.length > 0 ? own.reduce((a, b) => (content(s, b) > content(s, a) ? b : a)) : s.clauses[0];
    if (!clause) return "";
    start = clause.start;
    end = clause.end;
    // carry on into the next clause when this one is too short to say anything
    const spoken = (to: number) =>
      s.tokens.slice(clause.start, to).filter((t, i) => !drop.has(clause.start + i)).length;
    for (const c of s.clauses) if (c.start >= end && spoken(end) < 8) end = c.end;
    end = Math.min(end, clause.start + maxWords);
  }
  while (
    start < end &&
    (drop.has(start) || LEADING.has(s.tokens[start].word) || s.tokens[start].tags.has("Conjunction"))
  )
    start++;
  // End on a word that says something, not "… with the" or "… was".
  while (end > start + 3 && (drop.has(end - 1) || trailing(s.tokens[end - 1]))) {
    // "who you are" keeps its verb: a pronoun does not end a quote.
    if (s.tokens[end - 2].tags.has("Pronoun") && !drop.has(end - 1) && s.tokens[end - 1].tags.has("Verb")) break;
    end--;
  }
  // "and added a cache": a clause sharing the speaker as subject gets it back.
  const opensOnVerb =
    s.tokens[start]?.tags.has("Verb") && s.clauses.find((c) => c.start <= start && start < c.end)?.subject === "self";
  const quoted = render(s, { voice: "second", from: start, to: end })
    .replace(/[.!?,;:]+$/, "")
    .replace(/^(?:looking back|in hindsight|in retrospect|to be honest|if you are honest)[,\s]+/i, "");
  const text = opensOnVerb ? `you ${quoted.charAt(0).toLowerCase()}${quoted.slice(1)}` : quoted;
  const first = s.tokens[start];
  const name =
    first &&
    first.word !== "i" &&
    (/^[\p{Lu}\d]{2,}|^\S*\d/u.test(first.text) || NAME_TAGS.some((tag) => first.tags.has(tag)));
  return name || opensOnVerb || !/^\p{Lu}/u.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
}

const LEADING = new Set(["and", "so", "but", "then", "because", "when", "also", "anyway"]);
const NAME_TAGS = ["ProperNoun", "Person", "Place", "Organization", "Acronym"];
const TRAILING_TAGS = ["Preposition", "Determiner", "Conjunction", "Copula", "Modal", "Auxiliary", "Possessive"];
const trailing = (t: Sentence["tokens"][number]) =>
  t.text === "" ||
  TRAILING_TAGS.some((tag) => t.tags.has(tag)) ||
  /^(to|the|a|an|of|for|with|and|but|so|that|which|who|very|really|just|like|was|were|had|have|be|rather|than)$/.test(
    t.word,
  );
