import type { Conn } from "~db/schema";
import {
  findNotificationSettings,
  listActiveUsersWithRole,
  listFeedbackOwed,
  listPacketsReady,
  type FeedbackOwed,
} from "~db/queries/notifications";
import { getSettings } from "~/env.server";
import { handUncarried } from "~/jobs/queue.server";
import { emitWebhook } from "~/webhooks/webhooks.server";
import { isOverdue, latestDailySlot, planReminders, type Cadence } from "./cadence";
import { digestMessage, escalationMessage, reminderMessage, scorecardLink } from "./messages.server";
import { recruitersFor } from "./recruiters";
import { sendMessage } from "./send.server";

export async function loadCadence(db: Conn): Promise<Cadence> {
  const env = getSettings();
  const row = await findNotificationSettings(db);
  return {
    firstAfterMinutes: row?.first_after_minutes ?? env.REMINDER_FIRST_AFTER_MINUTES,
    dailyHour: row?.daily_hour ?? env.REMINDER_DAILY_HOUR,
    workingDays: row?.working_days ?? env.REMINDER_WORKING_DAYS.split(",").map(Number),
    escalateAfterDays: row?.escalate_after_days ?? env.REMINDER_ESCALATE_AFTER_DAYS,
  };
}

// Without their own time zone a recruiter's day follows UTC.
const RECRUITER_DEFAULT_ZONE = "UTC";

// The periodic run (notifications.tick). Idempotent: every message has a dedupe key, so two
// instances running it at once, or a run repeated after a crash, send each message once.
// `now` is a parameter so tests move the clock instead of faking timers.
export async function runNotifications(db: Conn, now: Date): Promise<void> {
  const cadence = await loadCadence(db);
  const owed = await listFeedbackOwed(db, new Date(now.getTime() - cadence.firstAfterMinutes * 60_000));
  const recruiters = await listActiveUsersWithRole(db, "recruiter");
  for (const interview of owed) {
    for (const step of planReminders(interview, now, cadence)) {
      if (step.type === "escalation") {
        for (const r of recruitersFor(interview.recruiter_id, recruiters)) {
          await sendMessage(
            db,
            "escalation",
            { id: r.id, email: r.email },
            escalationMessage(interview, step.daysOverdue),
            { key: `${step.key}:${r.id}` },
          );
        }
      } else {
        const to = { id: interview.interviewer_id, email: interview.interviewer_email };
        await sendMessage(db, "reminder", to, reminderMessage(interview, step.type === "daily"), { key: step.key });
      }
    }
    if (isOverdue(interview, now)) {
      await emitWebhook(db, "feedback.overdue", overduePayload(interview), {
        dedupe: `feedback.overdue:${interview.id}`,
      });
    }
  }
  await sendDigests(
    db,
    now,
    cadence,
    recruiters,
    owed.filter((i) => isOverdue(i, now)),
  );
  await handUncarried(db, "mail.send");
}

type Recruiter = Awaited<ReturnType<typeof listActiveUsersWithRole>>[number];

// Each recruiter's day starts a digest of their positions' overdue feedback and ready packets
// (and of positions no one owns): once a working day, skipped when there is nothing to say.
async function sendDigests(db: Conn, now: Date, cadence: Cadence, recruiters: Recruiter[], overdue: FeedbackOwed[]) {
  const ready = await listPacketsReady(db);
  for (const r of recruiters) {
    const slot = latestDailySlot(now, r.time_zone ?? RECRUITER_DEFAULT_ZONE, cadence);
    if (!slot || slot.at.getTime() < now.getTime() - 24 * 3600_000) continue;
    const theirs = <T extends { recruiter_id: string | null }>(rows: T[]) =>
      rows.filter((row) => recruitersFor(row.recruiter_id, recruiters).includes(r));
    const [myOverdue, myReady] = [theirs(overdue), theirs(ready)];
    if (!myOverdue.length && !myReady.length) continue;
    await sendMessage(db, "digest", { id: r.id, email: r.email }, digestMessage(myOverdue, myReady), {
      key: `digest:${r.id}:${slot.day}`,
    });
  }
}

function overduePayload(i: FeedbackOwed) {
  return {
    interview: { id: i.id, scheduledAt: i.scheduled_at.toISOString(), url: scorecardLink(i.id) },
    candidate: { id: i.candidate_id, name: i.candidate_name },
    position: { title: i.position_title },
    interviewer: { id: i.interviewer_id, name: i.interviewer_name },
    remindersMuted: i.mute_reason !== null,
  };
}
