import { COMPETENCY_IDS, competencyLabel, type CompetencyId, type RedFlagCategory } from "~/scorecards/rubric";
import type { RedFlag } from "~/scorecards/scorecard.schema";
import { getTemplates } from "~/scorecards/templates.server";
import type { DraftRequest } from "./draft.schema";
import { specificity } from "./follow-ups.server";
import type { Sentence } from "./language.server";
import { render } from "./prose.server";
import type { PreparedQuestion } from "./question.server";
import * as S from "./signals.server";
import { contentWords, rejoined, spokenQuote } from "./spoken.server";
import { list, outcomeOf } from "./summary.server";

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

// What a low score says is missing, for an area that names the gap rather than the level.
const GAP: Record<CompetencyId, string> = {
  ownership: "the answer does not show what the candidate did or decided themselves",
  "problem-solving": "the answer does not show how the problem was diagnosed or which options were weighed",
  execution: "the answer does not show what was delivered, by when, or with what result",
  collaboration: "the answer does not show how the candidate worked with others or shared the credit",
  communication: "the answer does not show how the candidate explained, listened or kept people informed",
  leadership: "the answer does not show the candidate influencing, guiding or developing others",
  "culture-fit": "the answer does not show how the candidate acts on feedback or on shared values",
};
// The flags that bear on each competency: their evidence is where a low score's gap shows.
const RELATED: Record<CompetencyId, RedFlagCategory[]> = {
  ownership: ["blame-shifting", "ambiguity-avoidance", "lack-of-reflection"],
  "problem-solving": ["generic-answer", "hypothetical-answer", "unquantified-impact"],
  execution: ["unquantified-impact", "generic-answer", "ambiguity-avoidance"],
  collaboration: ["overclaiming", "blame-shifting"],
  communication: ["generic-answer", "ambiguity-avoidance"],
  leadership: ["overclaiming", "ambiguity-avoidance"],
  "culture-fit": ["blame-shifting", "lack-of-reflection"],
};
// A line that names a level reads as the rating restated, whatever the candidate's words.
const LEVEL_WORDS = /\brat(?:ed|ing|ings)\b|Meets\+|\bStrong No\b/i;
const MAX_WORDS = 28;

/** A sentence of the answer as a committee line: third person, talk dropped, cut short. */
function paraphrase(s: Sentence): string {
  const text = render(s, { nameCandidate: true });
  const words = text.split(/\s+/);
  return words.length <= MAX_WORDS
    ? text
    : `${words
        .slice(0, MAX_WORDS)
        .join(" ")
        .replace(/[.;:,]+$/, "")} …`;
}
const asClause = (text: string) => {
  const bare = text.replace(/^(?:Then|And|So|But|Also),?\s+/, "");
  return /^The candidate\b/.test(bare) ? `t${bare.slice(1)}` : lowerFirst(bare);
};
const LOOKING_BACK =
  /^(?:(?:looking back|in hindsight|in retrospect|on reflection|honestly|to be honest|they (?:think|guess|suppose|feel)(?: that)?)[,\s]*)+/i;

export function strengthsAndImprovements(questions: PreparedQuestion[], input: DraftRequest, flags: RedFlag[]) {
  const perQuestion = questions.map((q) => rejoined(q.answer.sentences).filter((s) => contentWords(s) >= 3));
  const answers = perQuestion.flat();
  const notes = [...new Set(questions.flatMap((q) => q.notes.sentences))];
  const reflection = answers.find(S.reflects);
  const cited = new Set<Sentence>();
  // The best evidence of a competency: the candidate's own action that names it, the most
  // specific first; then any of their sentences that does; then the interviewer's notes.
  const evidenceFor = (id: CompetencyId): { sentence: Sentence; note: boolean } | undefined => {
    const names = (s: Sentence) =>
      EVIDENCE[id].test(s.text) || s.text.toLowerCase().includes(competencyLabel(id).toLowerCase());
    const score = (s: Sentence) =>
      (s.ownActions > 0 ? 4 : 0) +
      (s.ownPast > 0 ? 2 : 0) +
      specificity(s) / 4 -
      (s === reflection ? 6 : 0) -
      (cited.has(s) ? 5 : 0);
    const own = answers.filter((s) => names(s) && !LEVEL_WORDS.test(s.text));
    // Acting alone shows ownership and delivery; acting with a named person shows working with others.
    const fallback = ["ownership", "execution", "problem-solving"].includes(id)
      ? answers.filter((s) => s.ownPast > 0 && s.singular > 0 && s !== reflection)
      : answers.filter((s) => s.ownPast > 0 && s.singular > 0 && (s.properNouns > 0 || /\bwith\b/i.test(s.text)));
    const best = [...own, ...fallback].sort((a, b) => score(b) - score(a))[0];
    if (best) {
      cited.add(best);
      return { sentence: best, note: false };
    }
    const note = notes.find((s) => names(s) && !LEVEL_WORDS.test(s.text));
    return note ? { sentence: note, note: true } : undefined;
  };
  const cite = (e: { sentence: Sentence; note: boolean }) =>
    e.note ? `the interviewer noted “${spokenQuote(e.sentence)}”.` : asClause(paraphrase(e.sentence));
  const rated = (levels: string[]) => COMPETENCY_IDS.filter((id) => levels.includes(input.ratings[id] ?? ""));

  const strengths: string[] = [];
  // One line per piece of evidence: two competencies shown by the same sentence share it.
  const shownBy = new Map<Sentence, { evidence: { sentence: Sentence; note: boolean }; labels: string[] }>();
  for (const id of rated(["strong", "meets-plus"])) {
    const evidence = evidenceFor(id);
    if (!evidence) continue;
    const entry = shownBy.get(evidence.sentence) ?? { evidence, labels: [] };
    entry.labels.push(competencyLabel(id));
    shownBy.set(evidence.sentence, entry);
  }
  for (const { evidence, labels } of shownBy.values()) strengths.push(`${list(labels)}: ${cite(evidence)}`);
  // A result a serious flag questions (credit taken, no baseline) is not a strength.
  const doubted = new Set(flags.filter((f) => f.severity >= 3).flatMap((f) => f.evidence));
  const outcomes = perQuestion
    .map(outcomeOf)
    .filter(
      (s) =>
        s !== undefined &&
        s.figures.length > 0 &&
        ![...doubted].some((e) => s.text.startsWith(e) || e.startsWith(s.text)),
    );
  const measured = outcomes.find((s) => !cited.has(s!)) ?? outcomes[0];
  if (measured) strengths.push(`Gives a measured result: ${asClause(paraphrase(measured))}`);
  if (reflection && !flags.some((f) => f.category === "lack-of-reflection" || f.category === "blame-shifting"))
    strengths.push(
      `Looks back at their own part, saying ${lowerFirst(render(reflection).replace(LOOKING_BACK, "")).replace(/^they,?\s*/, "they ")}`,
    );

  const taxonomy = getTemplates().redFlags;
  const quoteOf = (text: string) => {
    const said = answers.find((s) => s.text.startsWith(text) || text.startsWith(s.text));
    return said
      ? spokenQuote(said)
      : text
          .replace(/[.;:,]+$/, "")
          .split(/\s+/)
          .slice(0, 14)
          .join(" ");
  };
  const improvements = [
    ...flags
      .filter((f) => f.severity >= 2)
      .map(
        (f) =>
          `${taxonomy[f.category].title}: ${f.evidence[0] ? `“${quoteOf(f.evidence[0])}” — ` : ""}` +
          lowerFirst(taxonomy[f.category].meaning),
      ),
    ...rated(["below", "strong-no"]).map((id) => {
      const flagged = flags.find((f) => RELATED[id].includes(f.category) && f.evidence[0]);
      if (flagged) return `${competencyLabel(id)}: ${GAP[id]}; it rests on “${quoteOf(flagged.evidence[0])}”.`;
      const noted = notes.find((n) => EVIDENCE[id].test(n.text) || S.prompting(n) || S.notesBlame(n));
      if (noted) return `${competencyLabel(id)}: ${GAP[id]}; the notes say “${spokenQuote(noted)}”.`;
      return (
        `Evidence gap: nothing in the notes or answer explains the low score for ${competencyLabel(id)}; ` +
        `say what was missing (${GAP[id].replace("the answer does not show ", "for example, ")}).`
      );
    }),
    ...rated(["strong"])
      .filter((id) => !evidenceFor(id))
      .map(
        (id) =>
          `Evidence gap: nothing in the notes or answer supports the top score for ${competencyLabel(id)}; ` +
          "add the reason behind it.",
      ),
  ];
  const areas = improvements.filter((l) => !LEVEL_WORDS.test(l));
  // A low score always gets an area, even when every quote had to go for naming a level.
  const low = rated(["below", "strong-no"]);
  if (areas.length === 0 && low.length > 0) areas.push(`${competencyLabel(low[0])}: ${GAP[low[0]]}.`);
  return { strengths: strengths.filter((l) => !LEVEL_WORDS.test(l)), improvements: areas };
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
