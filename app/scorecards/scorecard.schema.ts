import { z } from "zod";
import {
  COMPETENCY_IDS,
  LEVEL_IDS,
  NOT_ASSESSED,
  RECOMMENDATION_IDS,
  RED_FLAG_CATEGORIES,
  HIRING_LEVELS,
  type CompetencyId,
} from "./rubric";

// One schema for the scorecard form and its action: react-hook-form validates with it in the
// browser and the action parses the same object on the server.

export const LIMITS = {
  answer: 50_000,
  notes: 50_000,
  summary: 10_000,
  line: 2_000,
  justification: 5_000,
  listItems: 30,
  redFlags: 20,
  questions: 40,
} as const;

const text = (max: number, label: string) =>
  z.string().max(max, { message: `${label} is too long: at most ${max.toLocaleString("en-US")} characters` });

const lines = (label: string) =>
  z
    .array(text(LIMITS.line, label))
    .max(LIMITS.listItems, { message: `At most ${LIMITS.listItems} ${label.toLowerCase()} lines` });

export const ratingValueSchema = z.enum([...LEVEL_IDS, NOT_ASSESSED]);
export const ratingsSchema = z
  .object(
    Object.fromEntries(COMPETENCY_IDS.map((id) => [id, ratingValueSchema.nullable()])) as Record<
      CompetencyId,
      z.ZodNullable<typeof ratingValueSchema>
    >,
  )
  .strict();
export type Ratings = z.infer<typeof ratingsSchema>;

export const redFlagSchema = z.object({
  category: z.enum(RED_FLAG_CATEGORIES, { message: "Choose a red-flag category from the taxonomy" }),
  severity: z
    .number()
    .int()
    .min(1, { message: "Severity is 1 to 5 stars" })
    .max(5, { message: "Severity is 1 to 5 stars" }),
  justification: text(LIMITS.justification, "Justification"),
  evidence: z.array(text(LIMITS.line, "Evidence")).max(LIMITS.listItems),
  suggestion: text(LIMITS.line, "Suggestion"),
});
export type RedFlag = z.infer<typeof redFlagSchema>;

export const answerSchema = z.object({
  questionId: z.string().max(100),
  question: text(LIMITS.line, "Question"),
  answer: text(LIMITS.answer, "Answer"),
  notes: text(LIMITS.notes, "Notes"),
});
export type QuestionAnswer = z.infer<typeof answerSchema>;

// A question removed while drafting, kept with its notes in the saved content (and so in every
// submitted revision): removing a question must never destroy what was written under it.
export const removedQuestionSchema = answerSchema.extend({ removedAt: z.iso.datetime() });
export type RemovedQuestion = z.infer<typeof removedQuestionSchema>;

// Questions the interviewer adds themselves, as opposed to the kit's.
const OWN_QUESTION_PREFIX = "custom-";
export const ownQuestionId = (at: number) => `${OWN_QUESTION_PREFIX}${at}`;
export const isOwnQuestion = (questionId: string) => questionId.startsWith(OWN_QUESTION_PREFIX);

export const DRAFTABLE_SECTIONS = ["summary", "strengths", "improvements", "redFlags", "followUps"] as const;
export type DraftableSection = (typeof DRAFTABLE_SECTIONS)[number];
// "drafted": the assistant wrote it and nobody changed it; "edited": drafted, then changed by hand.
export const provenanceSchema = z.partialRecord(z.enum(DRAFTABLE_SECTIONS), z.enum(["drafted", "edited"]));

export const BIAS_TOPICS = [
  "age",
  "family-status",
  "national-origin",
  "race-ethnicity",
  "religion",
  "sex-gender",
  "disability-health",
  "other",
] as const;
export const biasWarningSchema = z.object({
  topic: z.enum(BIAS_TOPICS),
  excerpt: z.string().max(LIMITS.line),
  message: z.string().max(LIMITS.line),
});
export type BiasWarning = z.infer<typeof biasWarningSchema>;

export const scorecardContentSchema = z.object({
  answers: z.array(answerSchema).max(LIMITS.questions),
  notes: text(LIMITS.notes, "Notes"),
  ratings: ratingsSchema,
  recommendation: z.enum(RECOMMENDATION_IDS).nullable(),
  level: z.enum(HIRING_LEVELS).nullable(),
  summary: text(LIMITS.summary, "Summary"),
  strengths: lines("Strengths"),
  improvements: lines("Areas for improvement"),
  redFlags: z.array(redFlagSchema).max(LIMITS.redFlags),
  followUps: lines("Follow-up questions"),
  provenance: provenanceSchema,
  // Warnings the interviewer saw and submitted past; kept so the committee sees them.
  biasWarnings: z.array(biasWarningSchema).max(50),
  // Optional: scorecards written before removals were kept have none.
  removedQuestions: z.array(removedQuestionSchema).max(LIMITS.questions).optional(),
});
export type ScorecardContent = z.infer<typeof scorecardContentSchema>;

// The largest save the schema allows, as a request body: every text field full, at most 3 bytes
// of UTF-8 per UTF-16 unit, plus the JSON around it. The body limit for the scorecard's
// endpoints is this and no more (app/body-limits.server.ts).
const MOST_CHARACTERS =
  2 * LIMITS.questions * (100 + LIMITS.line + LIMITS.answer + LIMITS.notes + 30) +
  LIMITS.notes +
  LIMITS.summary +
  3 * LIMITS.listItems * LIMITS.line +
  LIMITS.redFlags * (LIMITS.justification + LIMITS.listItems * LIMITS.line + LIMITS.line) +
  50 * 2 * LIMITS.line +
  2_000; // an amendment's reason
export const SCORECARD_BODY_BYTES = 3 * MOST_CHARACTERS + 256_000;

// A one-line placeholder is not feedback the committee can weigh; 40 characters is one short sentence.
export const MIN_SUMMARY = 40;

// Submitting asks for more than saving a draft: every rating decided, a recommendation, a real
// summary, and a justification on every red flag.
export const submittableScorecardSchema = scorecardContentSchema.superRefine((card, ctx) => {
  for (const id of COMPETENCY_IDS) {
    if (card.ratings[id] === null) {
      ctx.addIssue({ code: "custom", path: ["ratings", id], message: "Rate this competency or mark it not assessed" });
    }
  }
  card.answers.forEach((a, i) => {
    if (isOwnQuestion(a.questionId) && a.question.trim() === "") {
      ctx.addIssue({ code: "custom", path: ["answers", i, "question"], message: "Write your question, or remove it" });
    }
  });
  if (card.recommendation === null) {
    ctx.addIssue({ code: "custom", path: ["recommendation"], message: "Choose an overall recommendation" });
  }
  const summary = card.summary.trim().length;
  if (summary === 0) {
    ctx.addIssue({ code: "custom", path: ["summary"], message: "Write the formal summary before submitting" });
  } else if (summary < MIN_SUMMARY) {
    ctx.addIssue({
      code: "custom",
      path: ["summary"],
      message: `Write a real summary for the committee: at least ${MIN_SUMMARY} characters (${summary} so far)`,
    });
  }
  card.redFlags.forEach((flag, i) => {
    if (flag.justification.trim() === "") {
      ctx.addIssue({
        code: "custom",
        path: ["redFlags", i, "justification"],
        message: "Say why you raise this red flag, or remove it",
      });
    }
  });
});

export function emptyScorecard(answers: QuestionAnswer[] = []): ScorecardContent {
  return {
    answers,
    notes: "",
    ratings: Object.fromEntries(COMPETENCY_IDS.map((id) => [id, null])) as Ratings,
    recommendation: null,
    level: null,
    summary: "",
    strengths: [],
    improvements: [],
    redFlags: [],
    followUps: [],
    provenance: {},
    biasWarnings: [],
  };
}
