import type { Sentence } from "./language.server";

// Domain phrases no language library knows: how interview answers claim credit, pass blame,
// reflect, or state an outcome. The grammar (who speaks, tense, modality, figures, passive voice,
// hedges) comes from compromise and retext in language.server.ts.

export const SOLO_CREDIT =
  /\b(single[- ]?handed(ly)?|thanks to me|without me,? (the |this |that |it |we |they )?\w* ?(would|wouldn't|could|couldn't|never|won't)|(would|could)(n't| not| never)? have [\w ]{0,30}without me|because of me|all (by )?myself|on my own|I alone|only I|I was the (only )?one who|I carried|I personally (saved|won|turned|delivered|drove)|all me|my idea alone)\b/i;

// Results that belong to a company or a whole team, not to one person.
export const ORG_RESULT =
  /\b(revenue|NPS|net promoter|renewals?|churn|retention|ARR|MRR|bookings|market share|company[- ]wide|whole company|entire (company|org|organi[sz]ation|department|team)|quarter(ly)? (target|number)s?|CSAT|sales)\b/i;
export const RESULT_VERB =
  /\b(increased|grew|drove|doubled|tripled|boosted|generated|brought in|raised|cut|reduced|improved|delivered|won|saved|turned around|fixed)\b/i;
// "my accounts", "my queue": credit scoped to the person's own book is not overclaiming.
export const OWN_SCOPE = /\bmy (own )?(accounts?|book|queue|portfolio|territory|tickets|customers|region|pod|squad|team's share)\b/i;

export const EXPLICIT_BLAME =
  /\b(not|wasn't|was not|isn't|is not|never) (really )?my (fault|problem|responsibility|call|job|mistake)\b|\b(their|his|her|the [a-z]+'s|[a-z]+'s) fault\b|\bdropped the ball\b|\bthrew (me|us) under the bus\b|\b(out of|beyond) my (hands|control)\b|\bmy hands were tied\b|\bnothing (else )?I could (have )?(do|done)\b|\bblamed? (it )?on\b/i;
export const OTHERS_FAILED =
  /\b(they|the (customer|client|team|vendor|QA|testers?|management|managers?|sales( team)?|engineers?|engineering|devs?|developers|support|ops|product( team)?|other team|designers?|director|lead|account team|warehouse|carrier)|my (manager|boss|lead|colleagues?|team ?mates?)|[A-Z][a-z]+) (never|didn't|did not|failed to|refused to|forgot to|ignored|messed|screwed|should have|wouldn't|could not be bothered|couldn't be bothered)\b|\b(incompetent|lazy|clueless|useless|impossible to work with)\b/;
// A blameless review, a blame-free culture, owning the fault oneself: not blame-shifting.
export const NO_BLAME = /\b(no[- ]blame|blameless|blame[- ]free|without blam(e|ing)|not (about|to) blam(e|ing)|(?<!\b(not|never|n't|wasn't|isn't) )my (own )?(fault|mistake)|blame myself|nobody's fault|no one's fault)\b/i;
export const NOTES_BLAME = /\b(blam(ed|es|ing) (the|his|her|their|others|other|everyone|team|customer|client|vendor|manager|colleagues?|qa|sales|support|product|engineering)|pointed fingers|finger[- ]pointing|never (took|takes) responsibility)\b/i;

export const REFLECTION =
  /\b(learn(ed|t|ing)|lessons?|next time|in hindsight|looking back|retrospect|realis(ed|e)|realiz(ed|e)|takeaway|taught me|(would|should|could)( not)? have|I'd have|since then|from then on|changed (how|the way|my)|going forward|now I|I now|do (it )?differently|did differently|wish I had|my mistake|I was wrong|I underestimated|I overestimated)\b/i;
export const NO_CHANGE =
  /\b((would|will|'d)( not|n't) (change|do) (a thing|anything)|nothing (I would|I'd|I'll|to) (change|do differently|learn)|(would|'d) do (it )?(exactly )?the same( way| thing)?( again)?|(didn't|did not|don't|do not) (really )?(learn|take away) (anything|much)|no regrets|not sure (there's|there is) anything to learn)\b/i;

// What an answer claims as its outcome ("the customer was happy", "it worked out").
export const OUTCOME =
  /\b(happy|happier|satisfied|pleased|delighted|thrilled|loved (it|the)|impressed|grateful|success(ful|fully)?|worked out|went (really |very |pretty )?well|paid off|turned (it|things) around|huge (win|impact|improvement|difference|success)|big (win|impact|improvement|difference)|significant(ly)?|dramatic(ally)?|much (better|faster|happier|smoother)|improved|increased|reduced|saved|resolved|fixed|solved|better|renewed|retained|(went|was|were|came) (down|up) to|dropped|fell|rose|grew|cut)\b/i;
export const BIG_WORDS = /\b(huge|massive|significant(ly)?|dramatic(ally)?|tremendous(ly)?|incredibl[ey]|amazing|hugely)\b/i;

// Habits and creeds instead of one real occasion.
export const TEMPLATE =
  /\b(always|usually|typically|generally|normally|in general|whenever|every time|I tend to|I make sure|I believe|I'm (a|the) (kind|type) of|my approach (is|would be)|communication is key|at the end of the day|the key is|it's important to|best practices?|I'm passionate|people person|team player|go above and beyond|customer (is|comes) first)\b/i;

export const NEVER_FACED =
  /\b(never|haven't|have not|hasn't|not) (actually |really )?(been in|had|faced|dealt with|come across|experienced|run into|been through)\b/i;

export const NOTES_INCONSISTENT =
  /\b(contradict(s|ed|ion)?|inconsisten(t|cy)|doesn't (add up|match)|does not (add up|match)|didn't match|did not match|earlier (said|claimed|mentioned|stated)|later (said|claimed)|changed (the|his|her|their) (story|number|figure)|conflicts? with)\b/i;
export const NOTES_OVERCLAIM = /\b(took (all )?(the )?credit|claimed (all )?(the )?credit|overclaim(ed|s|ing)?|credited (him|her|them)self)\b/i;

// Quantity facts ("a team of 4", "9 engineers", "6 weeks") whose values can contradict each other.
export const CHANGE = /\b(from|to|dropped|fell|rose|grew|increased|decreased|reduced|cut|down|up|went|raised|lowered|improved|before|after|versus|vs|instead|compared|per|each|every|another|other|more|less|fewer|extra|additional|first|then|later)\b|→|->/i;

// `changing`: a change word right around the figure ("from 9 hours to 2", "dropped to 120").
export type Quantity = { value: number; unit: string; context: string[]; changing: boolean; sentence: Sentence };

const QUANTITY = /(?:^|[^\w$€£.])(\d[\d,]*(?:\.\d+)?)\s*(%|percent\b|-?\s?(?:[a-z]+))/gi;
const STOP = new Set(["the", "a", "an", "of", "and", "to", "in", "on", "for", "with", "my", "our", "we", "i", "was", "were", "is", "it", "that", "this", "about", "around", "over", "under", "by", "at", "had", "have", "team's"]);

export function quantities(sentence: Sentence): Quantity[] {
  const found: Quantity[] = [];
  for (const m of sentence.text.matchAll(QUANTITY)) {
    const unit = m[2].replace(/^-?\s?/, "").toLowerCase().replace(/percent/, "%").replace(/s$/, "");
    if (unit === "" || STOP.has(unit)) continue;
    const before = sentence.text.slice(Math.max(0, m.index - 40), m.index + 1).toLowerCase().split(/[^a-z']+/).slice(-5, -1);
    const after = sentence.text.slice(m.index + m[0].length, m.index + m[0].length + 25).toLowerCase().split(/[^a-z']+/).slice(0, 3);
    const context = before.filter((w) => w.length > 2 && !STOP.has(w));
    const changing = [...before.slice(-2), ...after].some((w) => CHANGE.test(w));
    found.push({ value: Number(m[1].replace(/,/g, "")), unit, context, changing, sentence });
  }
  return found;
}
