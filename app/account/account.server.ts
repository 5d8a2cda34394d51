import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { setTimeZone, type Viewer } from "~db/queries/users";

// The zone a person reads every time in, and the clock of their daily feedback reminders.
export async function changeTimeZone(user: Viewer, timeZone: string): Promise<void> {
  await getDb()
    .transaction()
    .execute(async (tx) => {
      await setTimeZone(tx, user.id, timeZone);
      await appendAudit(tx, {
        actorId: user.id,
        action: "user.time-zone",
        subjectType: "user",
        subjectId: user.id,
        details: { before: user.timeZone, after: timeZone },
      });
    });
}
