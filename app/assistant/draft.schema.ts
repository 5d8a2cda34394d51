import { z } from "zod";
import { COMPETENCY_IDS, QUESTION_KINDS, RECOMMENDATION_IDS } from "~/scorecards/rubric";
import { LIMITS, biasWarningSchema, ratingValueSchema, redFlagSchema } from "~/scorecards/scorecard.schema";

// The assistant's contract, shared by the CLI, the scorecard action and the model provider.
// Input comes in two shapes (one question, or a whole interview); both normalise to DraftRequest.

const questionFields = {
  question: z.string().max(LIMITS.line),
  questionKind: z.enum(QUESTION_KINDS).optional(),
  answer: z.string().max(LIMITS.answer),
  // Optional: lets the drafter aim follow-ups at a kit's key points without loading the kit.
  keyPoints: z.array(z.string().max(LIMITS.line)).max(LIMITS.listItems).optional(),
};

export const draftQuestionSchema = z.object({ ...questionFields, notes: z.string().max(LIMITS.notes).default("") });
export type DraftQuestion = z.infer<typeof draftQuestionSchema>;

// A partial record: competencies the interviewer has not rated yet are simply absent.
export const draftRatingsSchema = z.partialRecord(z.enum(COMPETENCY_IDS), ratingValueSchema);

const interviewFields = {
  ratings: draftRatingsSchema.default({}),
  recommendation: z.enum(RECOMMENDATION_IDS).optional(),
};

export const singleQuestionInputSchema = z.object({
  ...questionFields,
  notes: z.string().max(LIMITS.notes),
  ...interviewFields,
});

export const interviewInputSchema = z.object({
  questions: z.array(draftQuestionSchema).min(1).max(LIMITS.questions),
  notes: z.string().max(LIMITS.notes).default(""),
  ...interviewFields,
});

export type DraftRequest = z.infer<typeof interviewInputSchema>;

function toRequest(input: z.infer<typeof singleQuestionInputSchema>): DraftRequest {
  const { question, questionKind, answer, notes, keyPoints, ratings, recommendation } = input;
  return { questions: [{ question, questionKind, answer, notes, keyPoints }], notes: "", ratings, recommendation };
}

export const draftInputSchema = z.union([interviewInputSchema, singleQuestionInputSchema.transform(toRequest)]);
export type DraftInput = z.input<typeof draftInputSchema>;

// Picks the branch by shape so a mistake is reported against the form the caller meant
// (a union would report both branches' complaints).
export function parseDraftInput(raw: unknown) {
  const isInterview = typeof raw === "object" && raw !== null && "questions" in raw;
  const schema = isInterview ? interviewInputSchema : singleQuestionInputSchema.transform(toRequest);
  return schema.safeParse(raw, { reportInput: true });
}

export const draftSchema = z.object({
  summary: z.string().max(LIMITS.summary),
  strengths: z.array(z.string().max(LIMITS.line)).max(LIMITS.listItems),
  improvements: z.array(z.string().max(LIMITS.line)).max(LIMITS.listItems),
  redFlags: z.array(redFlagSchema).max(LIMITS.redFlags),
  followUps: z.array(z.string().max(LIMITS.line)).max(LIMITS.listItems),
  biasWarnings: z.array(biasWarningSchema).max(50),
});
export type Draft = z.infer<typeof draftSchema>;
