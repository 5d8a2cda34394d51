import { COMPETENCY_IDS, competencyLabel, levelOf, type CompetencyId } from "~/scorecards/rubric";
import type { RedFlag } from "~/scorecards/scorecard.schema";
import { getTemplates } from "~/scorecards/templates.server";
import type { DraftRequest } from "./draft.schema";
import type { PreparedQuestion } from "./question.server";
import { OUTCOME, REFLECTION } from "./signals.server";

// Strengths and areas for improvement, from the ratings and the evidence. A rating at either end
// of the scale with nothing behind it is pointed out: every rating needs a reason.

// Words that show a competency in an answer or the notes; the competency's name counts too.
const EVIDENCE: Record<CompetencyId, RegExp> = {
  ownership: /\b(own(ed|ership)?|took (charge|responsibility)|accountab|responsib|stepped up|volunteered|followed (up|through))/i,
  "problem-solving": /\b(root cause|analy[sz]|diagnos|investigat|figured out|debug|hypothes|data|trade-?offs?|options)/i,
  execution: /\b(shipped|delivered|launched|deadline|plan(ned)?|implemented|rolled out|on time|prioriti[sz]|milestone)/i,
  collaboration: /\b(together|partner(ed)?|colleagues?|cross-functional|aligned|paired|with (the|my) team|helped|worked with)/i,
  communication: /\b(explain|communicat|updated?|wrote|listen|present|clear(ly)?|written|email|call(ed)?|stakeholders?)/i,
  leadership: /\b(led|lead|mentor|coach|persuad|convinc|influenc|rallied|delegat|vision)/i,
  "culture-fit": /\b(values?|feedback|curious|humble|candou?r|respect|ownership|inclusive|kind)/i,
};

export function strengthsAndImprovements(questions: PreparedQuestion[], input: DraftRequest, flags: RedFlag[]) {
  const evidenceText = [input.notes, ...questions.flatMap((q) => [q.answer.text, q.notes.text])].join("\n");
  const hasEvidence = (id: CompetencyId) => EVIDENCE[id].test(evidenceText) || evidenceText.toLowerCase().includes(competencyLabel(id).toLowerCase());
  const rated = (levels: string[]) => COMPETENCY_IDS.filter((id) => levels.includes(input.ratings[id] ?? ""));

  const strengths = rated(["strong", "meets-plus"])
    .filter(hasEvidence)
    .map((id) => `${competencyLabel(id)}: rated ${levelOf(input.ratings[id] as "strong").label} with support in the notes or answer.`);
  const sentences = questions.flatMap((q) => q.answer.sentences);
  if (sentences.some((s) => s.figures.length > 0 && OUTCOME.test(s.text))) strengths.push("Backs the outcome with figures.");
  if (sentences.filter((s) => s.singular > 0 && s.ownPast > 0).length >= 3) strengths.push("States their own actions in the first person.");
  if (sentences.some((s) => REFLECTION.test(s.text)) && !flags.some((f) => f.category === "lack-of-reflection"))
    strengths.push("Reflects on what they learned or would change.");

  const taxonomy = getTemplates().redFlags;
  const improvements = [
    ...flags.filter((f) => f.severity >= 2).map((f) => `${taxonomy[f.category].title}: ${taxonomy[f.category].meaning}`),
    ...rated(["below", "strong-no"])
      .filter(hasEvidence)
      .map((id) => `${competencyLabel(id)}: rated ${levelOf(input.ratings[id] as "below").label}; see the notes for the reason.`),
    ...rated(["strong", "strong-no"])
      .filter((id) => !hasEvidence(id))
      .map(
        (id) =>
          `Evidence gap: ${competencyLabel(id)} is rated ${levelOf(input.ratings[id] as "strong").label}, but nothing in the notes or answer supports it; add the reason behind the rating.`,
      ),
  ];
  return { strengths, improvements };
}
