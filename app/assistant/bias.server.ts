import type { BiasWarning } from "~/scorecards/scorecard.schema";
import { analyse, quote, type Sentence, type Token } from "./language.server";
import { BIAS_TOPICS, CULTURE_FIT, THIRD_PARTIES, type Match } from "./lexicon.server";

// Warnings on the interviewer's own words. A remark about the candidate's age, family, origin,
// race, faith, sex, body or health is not job evidence; the same words about a customer, a
// patient, a product or a system are ("the client's halal butcher shops", "a 20-year-old
// mainframe", "wheelchair ramp at dock 4"). The words are data: ./lexicon/bias.json.

const CULTURE_FIT_MESSAGE =
  '"Culture fit" is given here next to a personal characteristic; base fit on values and ways of working the candidate showed.';

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
      const hits = [...topic.personal.find(sentence.tokens), ...topic.terms.find(sentence.tokens)].filter(
        (hit) =>
          !excluded.some((x) => x.start < hit.end && hit.start < x.end) && !aboutSomeoneElse(sentence.tokens, hit),
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

// The words just before a remark ("the patient's", "a customer in a") or the noun it modifies
// ("wheelchair ramp", "20-year-old mainframe") name who or what it is about.
function aboutSomeoneElse(tokens: Token[], hit: Match): boolean {
  for (let i = hit.start - 1, seen = 0; i >= 0 && seen < 4; i--, seen++) {
    const t = tokens[i];
    if (PUNCTUATION.test(t.post)) break;
    if (THIRD_PARTIES.has(t.stem)) return true;
    if (t.tags.has("Verb") && !t.tags.has("Copula") && !t.tags.has("Modal")) break;
  }
  for (let i = hit.end; i < Math.min(tokens.length, hit.end + 2); i++) {
    if (PUNCTUATION.test(tokens[i - 1].post)) break;
    const t = tokens[i];
    if (THIRD_PARTIES.has(t.stem)) return true;
    if (!t.tags.has("Noun") && !t.tags.has("Adjective")) break;
  }
  return false;
}
