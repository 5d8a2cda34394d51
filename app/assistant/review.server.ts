import { COMPETENCY_IDS, competencyLabel, type CompetencyId } from "~/scorecards/rubric";
import type { RedFlag } from "~/scorecards/scorecard.schema";
import { getTemplates } from "~/scorecards/templates.server";
import type { DraftRequest } from "./draft.schema";
import type { PreparedQuestion } from "./question.server";
import * as S from "./signals.server";

// Strengths and areas for improvement, from the ratings and the evidence. A rating at either end
// of the scale with nothing behind it is pointed out: every rating needs a reason.

// Words that show a competency in an answer or the notes; the competency's name counts too.
const EVIDENCE: Record<CompetencyId, RegExp> = {
  ownership:
    /\b(own(ed|ership)?|took (charge|responsibility)|accountab|responsib|stepped up|volunteered|followed (up|through))/i,
  "problem-solving":
    /\b(root cause|analy[sz]|diagnos|investigat|figured out|debug|hypothes|data|trade-?offs?|options)/i,
  execution:
    /\b(shipped|delivered|launched|deadline|plan(ned)?|implemented|rolled out|on time|prioriti[sz]|milestone)/i,
  collaboration:
    /\b(together|partner(ed)?|colleagues?|cross-functional|aligned|paired|with (the|my) team|helped|worked with)/i,
  communication:
    /\b(explain|communicat|updated?|wrote|listen|present|clear(ly)?|written|email|call(ed)?|stakeholders?)/i,
  leadership: /\b(led|lead|mentor|coach|persuad|convinc|influenc|rallied|delegat|vision)/i,
  "culture-fit": /\b(values?|feedback|curious|humble|candou?r|respect|ownership|inclusive|kind)/i,
};

const SHORT = 14;
/** A short verbatim piece of a sentence, for citing evidence. */
function cite(sentence: string): string {
  const text = sentence.replace(/^((um+|uh+|erm|er|so|well|yeah|okay|ok|i mean|you know),?\s+)+/i, "");
  const words = text.split(/\s+/);
  return words.length <= SHORT
    ? text.replace(/[.;:,]+$/, "")
    : `${words
        .slice(0, SHORT)
        .join(" ")
        .replace(/[.;:,]+$/, "")} …`;
}

export function strengthsAndImprovements(questions: PreparedQuestion[], input: DraftRequest, flags: RedFlag[]) {
  const answers = questions.flatMap((q) => q.answer.sentences);
  const notes = [...new Set(questions.flatMap((q) => q.notes.sentences))];
  const evidenceFor = (id: CompetencyId) =>
    [...answers, ...notes].find(
      (s) => EVIDENCE[id].test(s.text) || s.text.toLowerCase().includes(competencyLabel(id).toLowerCase()),
    );
  const rated = (levels: string[]) => COMPETENCY_IDS.filter((id) => levels.includes(input.ratings[id] ?? ""));

  const strengths: string[] = [];
  for (const id of rated(["strong", "meets-plus"])) {
    const evidence = evidenceFor(id);
    if (evidence) strengths.push(`${competencyLabel(id)}: “${cite(evidence.text)}”.`);
  }
  const measured = answers.find((s) => s.figures.length > 0 && S.outcome(s));
  if (measured) strengths.push(`Backs the outcome with figures: “${cite(measured.text)}”.`);
  const own = answers.filter((s) => s.singular > 0 && s.ownPast > 0);
  if (own.length >= 3) strengths.push(`States their own actions in the first person, e.g. “${cite(own[0].text)}”.`);
  const reflection = answers.find(S.reflects);
  if (reflection && !flags.some((f) => f.category === "lack-of-reflection" || f.category === "blame-shifting"))
    strengths.push(`Reflects on their own conduct: “${cite(reflection.text)}”.`);

  const taxonomy = getTemplates().redFlags;
  const improvements = [
    ...flags
      .filter((f) => f.severity >= 2)
      .map(
        (f) =>
          `${taxonomy[f.category].title}: ${f.evidence[0] ? `“${cite(f.evidence[0])}” — ` : ""}` +
          lowerFirst(taxonomy[f.category].meaning),
      ),
    ...rated(["below", "strong-no"]).map((id) => {
      const evidence = evidenceFor(id);
      return evidence
        ? `${competencyLabel(id)}: the concern rests on “${cite(evidence.text)}”; say what was missing.`
        : `Evidence gap: nothing in the notes or answer explains the low score for ${competencyLabel(id)}; ` +
            "add the evidence behind it.";
    }),
    ...rated(["strong"])
      .filter((id) => !evidenceFor(id))
      .map(
        (id) =>
          `Evidence gap: nothing in the notes or answer supports the top score for ${competencyLabel(id)}; ` +
          "add the reason behind it.",
      ),
  ];
  return { strengths, improvements };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
