import type { BiasWarning } from "~/scorecards/scorecard.schema";
import { analyse, quote, type Sentence, type Token } from "./language.server";
import { BIAS_TOPICS, CULTURE_FIT, isThirdParty, stem, type Match } from "./lexicon.server";

// Warnings on the interviewer's own words. A remark about the candidate's age, family, origin,
// race, faith, sex, body or health is not job evidence; the same words about a customer, a
// patient, a product or a system are ("the client's halal butcher shops", "a 20-year-old
// mainframe", "wheelchair ramp at dock 4"). The words are data: ./lexicon/bias.json.

const CULTURE_FIT_MESSAGE =
  '"Culture fit" is given here next to a personal characteristic; ' +
  "base fit on values and ways of working the candidate showed.";

export function checkBias(text: string): BiasWarning[] {
  return biasIn(analyse(text).sentences);
}

export function biasIn(sentences: Sentence[]): BiasWarning[] {
  const warnings: BiasWarning[] = [];
  const add = (topic: BiasWarning["topic"], excerpt: string, message: string) => {
    if (!warnings.some((w) => w.topic === topic && w.excerpt === quote(excerpt)))
      warnings.push({ topic, excerpt: quote(excerpt), message });
  };
  for (const sentence of sentences) {
    let personal = false;
    for (const topic of BIAS_TOPICS) {
      const excluded = topic.exclude.find(sentence.tokens);
      const terms = topic.terms
        .find(sentence.tokens)
        .filter((hit) => !modifiesOrNamesAnother(sentence.tokens, hit, ORIGIN.has(topic.topic)));
      const hits = [...topic.personal.find(sentence.tokens), ...terms].filter(
        (hit) =>
          !excluded.some((x) => x.start < hit.end && hit.start < x.end) &&
          !aboutSomeoneElse(sentence.tokens, hit) &&
          !saidOfAnother(sentence, hit),
      );
      if (hits.length === 0) continue;
      personal = true;
      add(topic.topic, sentence.text, topic.message);
    }
    if (personal && CULTURE_FIT.has(sentence.tokens)) add("other", sentence.text, CULTURE_FIT_MESSAGE);
  }
  return warnings;
}

const PUNCTUATION = /[,;:.!?()]/;
const ORIGIN = new Set(["national-origin", "race-ethnicity", "religion"]);
const PERSON_WORDS = new Set(
  "lad lass guy man woman girl boy bloke chap fella gent lady candidate person applicant worker fellow"
    .split(" ")
    .map(stem),
);
const POINTING = new Set(["this", "that", "these", "those", "each", "every", "any", "which", "whose"]);

// A bare term ("child", "elderly", "retirement") is about someone else when a determiner points at
// a particular other ("the child's reading age", "each child"), or when it only describes the next word
// ("child-resistant caps", "elderly machinery", "diabetes clinic").
function modifiesOrNamesAnother(tokens: Token[], hit: Match, origin: boolean): boolean {
  const before = tokens[hit.start - 1];
  const possessive = /['’]s?$/.test(tokens[hit.end - 1].text) || tokens[hit.end - 1].post.startsWith("'");
  if (before && !PUNCTUATION.test(before.post) && (POINTING.has(before.word) || (before.word === "the" && possessive)))
    return true;
  const last = tokens[hit.end - 1];
  const next = tokens[hit.end];
  if (!next || PUNCTUATION.test(last.post)) return false;
  // "child-resistant caps" describes the caps; "mum-of-two" still describes a person.
  if (/^-$/.test(last.post.trim())) return !next.tags.has("Preposition") && !next.number;
  // "Polish lad", "Nigerian guy": an origin or faith word before a person is about that person
  // (an "elderly woman" is as often a patient or customer).
  if (origin && PERSON_WORDS.has(next.stem)) return false;
  return next.tags.has("Noun") && !next.tags.has("Pronoun") && !next.tags.has("Person") && !next.proper && !next.number;
}

// "The customer had a strong accent", "the father of the patient was angry": the clause is about
// the third party its subject names.
function saidOfAnother(sentence: Sentence, hit: Match): boolean {
  const clause = sentence.clauses.find((c) => hit.start >= c.start && hit.start < c.end);
  if (!clause || clause.subjectText === "") return false;
  return clause.subjectText.split(/[\s-]+/).some(isThirdParty);
}

// The words just before a remark ("the patient's", "a customer in a") or the noun it modifies
// ("wheelchair ramp", "20-year-old mainframe") name who or what it is about.
function aboutSomeoneElse(tokens: Token[], hit: Match): boolean {
  for (let i = hit.start - 1, seen = 0; i >= 0 && seen < 4; i--, seen++) {
    const t = tokens[i];
    if (PUNCTUATION.test(t.post)) break;
    if (isThirdParty(t.text + (t.post.startsWith("'") ? "'" : ""))) return true;
    if (t.tags.has("Verb") && !t.tags.has("Copula") && !t.tags.has("Modal")) break;
  }
  for (let i = hit.end; i < Math.min(tokens.length, hit.end + 2); i++) {
    if (PUNCTUATION.test(tokens[i - 1].post)) break;
    const t = tokens[i];
    if (isThirdParty(t.text + (t.post.startsWith("'") ? "'" : ""))) return true;
    if (!t.tags.has("Noun") && !t.tags.has("Adjective")) break;
  }
  return false;
}
