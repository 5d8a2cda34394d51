import { z } from "zod";
import { COMPETENCY_IDS, HIRING_LEVELS } from "~/scorecards/rubric";
import { idempotencyKey, listOf, requiredText } from "~/ui/form-fields";
import { intentOr } from "~/ui/intents";

const level = z.enum(HIRING_LEVELS, { error: "Choose a level" });

const fields = z.object({
  title: requiredText("Enter the position's title"),
  team: requiredText("Enter the team"),
  levelMin: level,
  levelMax: level,
  kitId: requiredText("Choose the question kit"),
  competencies: listOf(z.enum(COMPETENCY_IDS)).pipe(
    z.array(z.enum(COMPETENCY_IDS)).min(1, { error: "Choose at least one competency the loop must cover" }),
  ),
  // Who hears about overdue feedback: "" is every recruiter; absent (a form without the field)
  // leaves the position's recruiter as it is.
  recruiterId: z.union([z.literal(""), z.uuid({ error: "Choose one of the recruiters listed" })]).optional(),
});

function levelRange(values: { levelMin: string; levelMax: string }, ctx: z.RefinementCtx) {
  if (HIRING_LEVELS.indexOf(values.levelMax as never) < HIRING_LEVELS.indexOf(values.levelMin as never)) {
    ctx.addIssue({ code: "custom", path: ["levelMax"], message: "The highest level must not be below the lowest" });
  }
}

export const positionSchema = fields.superRefine(levelRange);
export const newPositionSchema = fields.extend({ idempotencyKey }).superRefine(levelRange);
export type PositionData = z.output<typeof positionSchema>;
// The form's values: the new-position form also carries its one-time key.
export type PositionFormValues = z.input<typeof positionSchema> & { idempotencyKey?: string };

// What the position page posts: its edits, or closing/reopening the position.
export const positionActionSchema = z.preprocess(
  intentOr("save"),
  z.discriminatedUnion("intent", [
    fields.extend({ intent: z.literal("save") }).superRefine(levelRange),
    z.object({ intent: z.literal("close") }),
    z.object({ intent: z.literal("reopen") }),
  ]),
);
export type PositionAction = z.output<typeof positionActionSchema>;
