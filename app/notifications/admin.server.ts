import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { listJobs } from "~db/queries/jobs";
import { muteReminders, saveNotificationSettings, findMute } from "~db/queries/notifications";
import { listMessages } from "~db/queries/outbox";
import type { SessionUser } from "~/auth/guard.server";
import { getSettings } from "~/env.server";
import { DomainError } from "~/errors.server";
import { QUEUE_NAMES, retryJob, type QueueName } from "~/jobs/queue.server";
import type { CadenceInput } from "./admin.schema";
import { loadCadence } from "./reminders.server";

export async function readOutbox() {
  return { smtp: Boolean(getSettings().SMTP_URL), messages: await listMessages(getDb()) };
}

export async function readJobs() {
  return { jobs: await listJobs(getDb(), QUEUE_NAMES) };
}

export async function retryNow(actor: SessionUser, queue: QueueName, id: string): Promise<void> {
  await retryJob(queue, id);
  await appendAudit(getDb(), {
    actorId: actor.id,
    action: "job.retry",
    subjectType: "job",
    subjectId: id,
    details: { queue },
  });
}

export async function readCadence() {
  return loadCadence(getDb());
}

export async function saveCadence(actor: SessionUser, input: CadenceInput): Promise<void> {
  const db = getDb();
  const values = {
    first_after_minutes: input.firstAfterMinutes,
    daily_hour: input.dailyHour,
    working_days: [...new Set(input.workingDays)].sort(),
    escalate_after_days: input.escalateAfterDays,
    updated_by: actor.id,
  };
  await db.transaction().execute(async (tx) => {
    await saveNotificationSettings(tx, values);
    await appendAudit(tx, {
      actorId: actor.id,
      action: "notifications.cadence",
      subjectType: "settings",
      subjectId: "notifications",
      details: { after: values },
    });
  });
}

export async function readMute(interviewId: string) {
  return findMute(getDb(), interviewId);
}

// The interviewer's own interview only (the route has checked); the recruiter sees the reason.
export async function muteDailyReminders(user: SessionUser, interviewId: string, reason: string): Promise<void> {
  if (!(await muteReminders(getDb(), interviewId, user.id, reason)))
    throw new DomainError("not-found", "No such interview.");
}
