import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { saveNotificationSettings } from "~db/queries/notifications";
import { listMessages } from "~db/queries/outbox";
import type { SessionUser } from "~/auth/guard.server";
import { getSettings } from "~/env.server";
import type { CadenceInput } from "./cadence.schema";
import { loadCadence } from "./reminders.server";

export async function readOutbox() {
  return { smtp: Boolean(getSettings().SMTP_URL), messages: await listMessages(getDb()) };
}

export async function readCadence() {
  return { cadence: await loadCadence(getDb()) };
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
