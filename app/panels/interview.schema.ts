import { TZDate } from "@date-fns/tz";
import { isCalendarDate, isClockTime, isTimeZone } from "~/ui/calendar";
import { z } from "zod";
import { COMPETENCY_IDS } from "~/scorecards/rubric";
import { checkbox, idempotencyKey, listOf, requiredText } from "~/ui/form-fields";
import { intentOr } from "~/ui/intents";
import { INTERVIEW_STAGES } from "~/vocabulary/stages";

// The wall-clock date and time in the interview's own zone, as an instant.
export function instantOf(date: string, time: string, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  return new Date(new TZDate(y, m - 1, d, hh, mm, timeZone).getTime());
}

export const whenFields = z.object({
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Enter the date" })
    .refine(isCalendarDate, { error: "There is no such date: use a real day such as 2026-03-31" }),
  time: z
    .string()
    .regex(/^\d{2}:\d{2}$/, { error: "Enter the start time" })
    .refine(isClockTime, { error: "There is no such time: use 00:00 to 23:59" }),
  timeZone: z.string().refine(isTimeZone, { error: "Choose a time zone such as Europe/London" }),
  durationMinutes: z.coerce
    .number({ error: "Enter the duration in minutes" })
    .int({ error: "Enter whole minutes" })
    .min(10, { error: "At least 10 minutes" })
    .max(480, { error: "At most 8 hours" }),
  // A date in the past is allowed (recording an interview that already happened) only when
  // the recruiter says so, so a typo in the year is caught.
  confirmPast: checkbox,
});

export const panelFields = whenFields.extend({
  interviewerId: z.uuid({ error: "Choose an interviewer" }),
  stage: z.enum(INTERVIEW_STAGES, { error: "Choose the stage" }),
  focusCompetencies: listOf(z.enum(COMPETENCY_IDS)),
  focusQuestions: listOf(z.string().max(100)),
});

function notInThePast(now: () => Date) {
  return (values: z.output<typeof whenFields>, ctx: z.RefinementCtx) => {
    if (values.confirmPast || !isTimeZone(values.timeZone) || !isCalendarDate(values.date) || !isClockTime(values.time))
      return;
    if (instantOf(values.date, values.time, values.timeZone) < now()) {
      ctx.addIssue({
        code: "custom",
        path: ["confirmPast"],
        message: "This date and time is in the past. Tick the box to confirm, or correct the date.",
      });
    }
  };
}

// A function, so the action and the tests can say what "now" is.
export const interviewSchema = (now = () => new Date()) => panelFields.superRefine(notInThePast(now));
export const newInterviewSchema = (now = () => new Date()) =>
  panelFields.extend({ idempotencyKey }).superRefine(notInThePast(now));
export type InterviewData = z.output<ReturnType<typeof interviewSchema>>;
// The form's values: a new interview's form also carries its one-time key.
export type InterviewFormValues = z.input<typeof panelFields> & { idempotencyKey?: string };

export const cancelSchema = z.object({
  reason: requiredText("Say why the interview is cancelled", 1000),
});

// What the interview page posts: the changed interview, or its cancellation.
export const interviewActionSchema = (now = () => new Date()) =>
  z.preprocess(
    intentOr("change"),
    z.discriminatedUnion("intent", [
      panelFields.extend({ intent: z.literal("change") }).superRefine(notInThePast(now)),
      cancelSchema.extend({ intent: z.literal("cancel") }),
    ]),
  );
export type InterviewAction = z.output<ReturnType<typeof interviewActionSchema>>;
