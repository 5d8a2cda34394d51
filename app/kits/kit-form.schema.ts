import { z } from "zod";
import { COMPETENCY_IDS, QUESTION_KINDS } from "~/scorecards/rubric";
import type { Kit } from "~/scorecards/templates.schema";
import { withoutBlankLines } from "~/ui/LinesField";
import { emptyToNull, listOf, optionalText, requiredText } from "~/ui/form-fields";

// The kit as a form: the same fields as templates/kits/*.yaml, with messages that name the field
// in plain words. The stored kit is still checked with kitSchema when it is saved and loaded.

const lines = (message: string) =>
  z
    .array(z.string())
    .transform(withoutBlankLines)
    .pipe(z.array(z.string().max(2000)).min(1, { error: message }));

const minutes = "Time box: enter minutes between 1 and 60";

export const kitQuestionFormSchema = z.object({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
    error: "Question id: use lowercase words joined by hyphens, such as difficult-customer",
  }),
  prompt: requiredText("Prompt: write the question", 2000),
  kind: z.enum(QUESTION_KINDS, { error: "Kind: choose behavioral or situational" }),
  competencies: listOf(z.enum(COMPETENCY_IDS)).refine((list) => list.length > 0, {
    error: "Competencies: tick at least one",
  }),
  timeBoxMinutes: z.coerce
    .number({ error: minutes })
    .int({ error: minutes })
    .min(1, { error: minutes })
    .max(60, { error: minutes }),
  frameworks: lines("Frameworks: add at least one line"),
  lookFor: lines("What to look for: add at least one line"),
  keyPoints: lines("Key points: add at least one line"),
  commonMistakes: lines("Common mistakes: add at least one line"),
  source: optionalText(500),
});

const KIT_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const kitFormSchema = z
  .object({
    // "new" is the page that creates a kit, so no kit may take it as its id.
    id: z
      .string()
      .regex(KIT_ID, { error: "Kit id: use lowercase words joined by hyphens, such as support-lead" })
      .refine((id) => id !== "new", { error: "Kit id: choose another id; new is reserved" }),
    title: requiredText("Title: give the kit a title"),
    position: optionalText(),
    // 0 for a kit that is not saved yet.
    baseVersion: z.coerce.number().int(),
    questions: z.array(kitQuestionFormSchema).min(1, { error: "Add at least one question" }),
  })
  .superRefine((kit, ctx) => {
    const seen = new Set<string>();
    kit.questions.forEach((question, index) => {
      if (seen.has(question.id))
        ctx.addIssue({
          code: "custom",
          path: ["questions", index, "id"],
          message: "Question id: another question uses this id already",
        });
      seen.add(question.id);
    });
  });
export type KitFormInput = z.input<typeof kitFormSchema>;
export type KitFormData = z.output<typeof kitFormSchema>;
export type KitQuestionFormInput = z.input<typeof kitQuestionFormSchema>;

export function kitFromForm(version: number, data: KitFormData): Kit {
  return {
    id: data.id,
    title: data.title,
    version,
    position: emptyToNull(data.position),
    questions: data.questions.map(({ source, competencies, ...question }) => ({
      ...question,
      competencies,
      ...(source ? { source } : {}),
    })),
  };
}

export function formOfKit(kit: Kit, baseVersion: number): KitFormInput {
  return {
    id: kit.id,
    title: kit.title,
    position: kit.position ?? "",
    baseVersion,
    questions: kit.questions.map((q) => ({ ...q, source: q.source ?? "" })),
  };
}

export const newQuestion = (n: number): KitQuestionFormInput => ({
  id: `question-${n}`,
  prompt: "",
  kind: "behavioral",
  competencies: [],
  timeBoxMinutes: 10,
  frameworks: ["STAR"],
  lookFor: [],
  keyPoints: [],
  commonMistakes: [],
  source: "",
});

export const blankKitForm = (): KitFormInput => ({
  id: "",
  title: "",
  position: "",
  baseVersion: 0,
  questions: [newQuestion(1)],
});

// What a save would change, in words, for the confirmation step.
export function kitChanges(before: KitFormInput, after: KitFormInput): string[] {
  const changes: string[] = [];
  if (before.title !== after.title) changes.push(`Title: "${before.title}" → "${after.title}"`);
  if ((before.position ?? "") !== (after.position ?? ""))
    changes.push(`Position: "${before.position || "any"}" → "${after.position || "any"}"`);
  const old = new Map(before.questions.map((q) => [q.id, q]));
  const ids = after.questions.map((q) => q.id);
  for (const q of after.questions) {
    const was = old.get(q.id);
    if (!was) changes.push(`Added question: ${q.prompt}`);
    else if (JSON.stringify(withoutBlanks(was)) !== JSON.stringify(withoutBlanks(q)))
      changes.push(`Changed question: ${q.prompt}`);
  }
  for (const q of before.questions) if (!ids.includes(q.id)) changes.push(`Removed question: ${q.prompt}`);
  const kept = before.questions.map((q) => q.id).filter((id) => ids.includes(id));
  if (kept.join() !== ids.filter((id) => old.has(id)).join()) changes.push("Questions reordered");
  return changes;
}

function withoutBlanks(q: KitQuestionFormInput) {
  return Object.fromEntries(
    Object.entries(q).map(([key, value]) => [
      key,
      Array.isArray(value) ? withoutBlankLines(value.map(String)) : String(value ?? "").trim(),
    ]),
  );
}
