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

export function echo(s: Sentence, maxWords = 14): string {
  // The speaker's clause that says the most (things, names, figures), else the first.
  const own = s.clauses.filter((c) => c.subject === "self" || c.subject === "we");
  const clause = own.length > 0 ? own.reduce((a, b) => (content(s, b) > content(s, a) ? b : a)) : s.clauses[0];
  if (!clause) return "";
  let end = clause.end;
  // carry on into the next clause when this one is too short to say anything
  for (const c of s.clauses) if (c.start >= end && end - clause.start < 5) end = c.end;
  end = Math.min(end, clause.start + maxWords);
  const drop = talk(s);
  let start = clause.start;
  while (
    start < end &&
    (drop.has(start) ||
      s.tokens[start].tags.has("Conjunction") ||
      ["and", "so", "but", "then", "because", "when"].includes(s.tokens[start].word))
  )
    start++;
  const text = render(s, { voice: "second", from: start, to: end }).replace(/[.!?]+$/, "");
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
