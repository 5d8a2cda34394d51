import { retext } from "retext";
import retextEnglish from "retext-english";
import retextEquality from "retext-equality";
import type { BiasWarning } from "~/scorecards/scorecard.schema";
import { quote, tag } from "./language.server";

// Warnings on the interviewer's own words. Protected characteristics are not job evidence,
// so any remark about them is worth a second look; neutral facts (a city, "junior hires",
// time zones, "on-call") must stay silent. retext-equality knows condition and disability
// wording; the remarks interviewers actually write about a candidate are listed here.

type Topic = BiasWarning["topic"];

const REMARKS: { topic: Topic; pattern: RegExp; message: string }[] = [
  {
    topic: "age",
    pattern:
      /\b(too|quite|rather|very|pretty|a bit|fairly) (old|young)\b|\b(older|younger|young|old|elderly|mature) (candidate|guy|man|woman|lady|girl|person|gentleman|fellow|grad|applicant)\b|\b(his|her|their) age\b|\b\d{2}s? (years old|year-old)\b|\bnear(ing)? retirement\b|\b(boomer|millennial|gen[- ]?z)\b|\bdigital native\b|\bgr[ae]y hair\b|\bage (might|may|could|would|will) be\b|\bfor (his|her|their|someone's) age\b|\b(our|a) young (team|crowd)\b|\bin (his|her|their) (20s|30s|40s|50s|60s|twenties|thirties|forties|fifties|sixties)\b/i,
    message: "Age is not evidence of ability; record what the candidate said or did instead.",
  },
  {
    topic: "family-status",
    pattern:
      /\b(kids|children|child|baby|babies|toddler|newborn)\b(?! (process|ticket|node|issue|task|component|record|account|table|element|class|page|theme)s?\b)|\bpregnan(t|cy)\b|\b(maternity|paternity|parental) leave\b|\b(start(ing)?|plans? for|planning) a family\b|\bfamily plans?\b|\b(married|divorced|single mom|single dad|single parent|husband|wife|spouse)\b|\bchildcare\b|\bday ?care\b|\b(mother|mom|mum|father|dad) of\b/i,
    message: "Children, pregnancy, family plans and marital status must play no part in the evaluation.",
  },
  {
    topic: "national-origin",
    pattern:
      /\baccent\b|\bforeign(er|ers)?\b|\bimmigrant\b|\bnationality\b|\bcitizenship\b|\bnon[- ]native\b|\bnative (english )?speaker\b|\benglish (is not|isn't) (his|her|their) first\b|\bwhere (he|she|they) (is|are|was|were) (really )?from\b|\b(his|her|their) (country|origin|heritage|home country)\b|\b(hard|difficult) to pronounce\b|\bborn (in|abroad)\b|\bfresh off the boat\b/i,
    message: "Accent and origin are not evidence of ability; note communication only as the candidate's clarity with the interviewer.",
  },
  {
    topic: "race-ethnicity",
    pattern:
      /\b(black|white|asian|hispanic|latino|latina|arab|african|brown) (guy|man|woman|lady|girl|candidate|person|fellow|gentleman)\b|\b(his|her|their) (race|ethnicity|skin)\b|\bskin colou?r\b|\bethnic(ity|ally)?\b|\bracial(ly)?\b|\barticulate for\b/i,
    message: "Race and ethnicity must play no part in the evaluation.",
  },
  {
    topic: "religion",
    pattern:
      /\breligio(n|us)\b|\b(church|mosque|synagogue|temple)\b|\bpray(s|ed|ing|er|ers)?\b|\b(muslim|christian|jewish|hindu|sikh|buddhist|catholic|mormon|atheist|evangelical)\b|\b(hijab|headscarf|turban|kippah|yarmulke)\b|\b(ramadan|sabbath|shabbat)\b/i,
    message: "Religion and religious practice must play no part in the evaluation.",
  },
  {
    topic: "sex-gender",
    pattern:
      /\bfor a (woman|girl|man|guy|lady|female|male)\b|\b(women|girls|ladies|men) (are|tend|can't|cannot|don't|usually)\b|\b(woman|girl|lady|female|male|gentleman)\b|\bgender\b|\btrans(gender)?\b|\b(feminine|masculine|girly|manly|bossy|shrill)\b|\bsexual orientation\b|\b(gay|lesbian|bisexual)\b/i,
    message: "Sex, gender and sexual orientation must play no part in the evaluation.",
  },
  {
    topic: "disability-health",
    pattern:
      /\bdisab(led|ility|ilities)\b|\bwheelchair\b|\bdeaf\b|\bblind\b(?! spot)|\bautis(m|tic)\b|\badhd\b|\bdyslexi[ac]\b|\bdepress(ed|ion)\b|\bmental (health|illness)\b|\b(chronic|serious) (illness|condition|pain)\b|\bcancer\b|\bsurgery\b|\bmedical (leave|condition|history)\b|\bmedication\b|\bstutter(s|ed|ing)?\b|\bhealth (issue|problem|condition)s?\b|\b(seemed|looked|looks|seems) (ill|sick|unwell|frail)\b|\bsick (a lot|often)\b|\bcrutches\b|\bhearing aid\b|\bpanic attacks?\b/i,
    message: "Health and disability are not evidence of ability; ask only whether the candidate can do the job's tasks, with accommodation if needed.",
  },
  {
    topic: "other",
    pattern: /\b(attractive|pretty face|good[- ]looking|overweight|fat|tattoos?|piercings?|his looks|her looks)\b/i,
    message: "Appearance is not evidence of ability; leave it out of the evaluation.",
  },
];

// "Not a culture fit" next to a personal characteristic turns the characteristic into the reason.
const CULTURE_FIT = /\b(culture|cultural) (fit|add)\b|\bfit (in|with) (the|our) (team|culture)\b|\bnot a (good )?fit\b/i;

// retext-equality's own notes say which of its patterns are about illness or disability.
const HEALTH = REMARKS.find((r) => r.topic === "disability-health")!;
const DISABILITY_SOURCE = /ncdj\.org|autistichoya|mental illness|disabilit|disease/i;
const equality = retext().use(retextEnglish).use(retextEquality).freeze();

export function checkBias(text: string): BiasWarning[] {
  if (text.trim() === "") return [];
  const sentences = tag(text).document.map((terms) => terms.map((t) => t.pre + t.text + t.post).join("").trim());
  const warnings: BiasWarning[] = [];
  const add = (topic: Topic, excerpt: string, message: string) => {
    if (!warnings.some((w) => w.topic === topic && w.excerpt === excerpt)) warnings.push({ topic, excerpt: quote(excerpt), message });
  };
  for (const sentence of sentences) {
    const hits = REMARKS.filter((r) => r.pattern.test(sentence));
    for (const remark of hits) add(remark.topic, sentence, remark.message);
    if (hits.length > 0 && CULTURE_FIT.test(sentence)) {
      add("other", sentence, "\"Culture fit\" is given here next to a personal characteristic; base fit on values and ways of working the candidate showed.");
    }
  }
  for (const message of equality.processSync(text).messages) {
    const offset = message.place && "start" in message.place ? message.place.start.offset : undefined;
    const note = (message as { note?: string }).note ?? "";
    if (offset === undefined || !DISABILITY_SOURCE.test(note)) continue;
    const sentence = sentences.find((s) => text.indexOf(s) <= offset && offset < text.indexOf(s) + s.length);
    if (sentence) add("disability-health", sentence, `"${message.actual}" describes a health condition or disability; ${HEALTH.message.charAt(0).toLowerCase()}${HEALTH.message.slice(1)}`);
  }
  return warnings;
}
