import { z } from "zod";
import { checkbox, idempotencyKey } from "~/ui/form-fields";
import { isTimeZone } from "~/ui/calendar";
import { instantOf, panelFields } from "./interview.schema";
import { INTERVIEW_STAGES } from "~/vocabulary/stages";

// One row of the panel builder: an interview without its own time zone (the loop has one).
export const loopRowSchema = panelFields.omit({ timeZone: true, confirmPast: true, stage: true });

export const panelLoopSchema = (now = () => new Date()) =>
  z
    .object({
      timeZone: panelFields.shape.timeZone,
      stage: z.enum(INTERVIEW_STAGES, { error: "Choose the stage" }),
      confirmPast: checkbox,
      idempotencyKey,
      rows: z
        .array(loopRowSchema, { error: "Add at least one interview" })
        .min(1, { error: "Add at least one interview" })
        .max(12, { error: "At most 12 interviews in one loop" }),
    })
    .superRefine((loop, ctx) => {
      const owner = new Map<string, number>();
      loop.rows.forEach((row, i) => {
        // Each question belongs to one interviewer, so two rows never ask the same thing.
        for (const question of row.focusQuestions) {
          const first = owner.get(question);
          if (first === undefined) owner.set(question, i);
          else
            ctx.addIssue({
              code: "custom",
              path: ["rows", i, "focusQuestions"],
              message: `Interview ${first + 1} already owns one of these questions`,
            });
        }
        if (loop.confirmPast || !isTimeZone(loop.timeZone)) return;
        if (instantOf(row.date, row.time, loop.timeZone) < now()) {
          ctx.addIssue({
            code: "custom",
            path: ["rows", i, "date"],
            message: "This date and time is in the past. Tick the box below to confirm, or correct the date.",
          });
        }
      });
    });

export type PanelLoopInput = z.input<ReturnType<typeof panelLoopSchema>>;
export type PanelLoopData = z.output<ReturnType<typeof panelLoopSchema>>;
export type LoopRowInput = z.input<typeof loopRowSchema>;
