import { TZDate } from "@date-fns/tz";
import { feedbackDeadline, interviewEnd } from "~/scorecards/feedback-status";

// When feedback reminders go out. Admins set it (/admin/notifications); REMINDER_* give defaults.
export type Cadence = {
  firstAfterMinutes: number;
  dailyHour: number;
  // ISO weekdays: 1 Monday … 7 Sunday.
  workingDays: number[];
  escalateAfterDays: number;
};

const DAY_MS = 24 * 3600_000;

const isoWeekday = (d: TZDate) => ((d.getDay() + 6) % 7) + 1;
const localDay = (d: TZDate) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;

// The most recent "daily hour on a working day" in that zone at or before now (within a week).
export function latestDailySlot(
  now: Date,
  timeZone: string,
  cadence: Pick<Cadence, "dailyHour" | "workingDays">,
): { at: Date; day: string } | null {
  const today = new TZDate(now.getTime(), timeZone);
  for (let back = 0; back <= 7; back++) {
    const slot = new TZDate(
      today.getFullYear(),
      today.getMonth(),
      today.getDate() - back,
      cadence.dailyHour,
      0,
      timeZone,
    );
    if (slot.getTime() <= now.getTime() && cadence.workingDays.includes(isoWeekday(slot))) {
      return { at: new Date(slot.getTime()), day: localDay(slot) };
    }
  }
  return null;
}

export type OwedInterview = {
  id: string;
  scheduled_at: Date;
  duration_minutes: number;
  time_zone: string;
  interviewer_time_zone: string | null;
  mute_reason: string | null;
  first_reminder_at: Date | null;
};

export type ReminderStep =
  | { type: "first"; key: string }
  | { type: "daily"; key: string; day: string }
  | { type: "escalation"; key: string; daysOverdue: number };

// What is due for one interview at `now`. The first reminder goes out once the moment has
// passed (late runs send it at once); daily repeats only at a slot after it; escalation once.
export function planReminders(interview: OwedInterview, now: Date, cadence: Cadence): ReminderStep[] {
  const timing = { scheduledAt: interview.scheduled_at, durationMinutes: interview.duration_minutes };
  const due = interviewEnd(timing).getTime() + cadence.firstAfterMinutes * 60_000;
  if (now.getTime() < due) return [];
  const steps: ReminderStep[] = [];
  if (!interview.first_reminder_at) {
    steps.push({ type: "first", key: `reminder:${interview.id}:first` });
  } else if (!interview.mute_reason) {
    const slot = latestDailySlot(now, interview.interviewer_time_zone ?? interview.time_zone, cadence);
    if (slot && slot.at.getTime() > interview.first_reminder_at.getTime() && slot.at.getTime() >= due) {
      steps.push({ type: "daily", key: `reminder:${interview.id}:day:${slot.day}`, day: slot.day });
    }
  }
  const overdueMs = now.getTime() - feedbackDeadline(timing).getTime();
  if (overdueMs >= cadence.escalateAfterDays * DAY_MS) {
    steps.push({ type: "escalation", key: `escalation:${interview.id}`, daysOverdue: Math.floor(overdueMs / DAY_MS) });
  }
  return steps;
}

export function isOverdue(interview: Pick<OwedInterview, "scheduled_at" | "duration_minutes">, now: Date): boolean {
  return (
    now.getTime() >
    feedbackDeadline({ scheduledAt: interview.scheduled_at, durationMinutes: interview.duration_minutes }).getTime()
  );
}
