import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres, type Database } from "~db/index.server";
import { seedDemo, useTestDatabase } from "../../helpers/db";
import { recipients, startSmtp, type TestSmtp } from "../../helpers/smtp";
import { parseEnv, useSettings } from "~/env.server";
import { startBackgroundJobs, type BackgroundJobs } from "~/jobs/workers.server";
import { runNotifications } from "~/notifications/reminders.server";

// Two instances = two connection pools and two queue workers on one PostgreSQL database, both
// running the reminder pass at the same moment: every reminder arrives once.
describe.skipIf(!process.env.TEST_DATABASE_URL)("two instances on one PostgreSQL", () => {
  const ctx = useTestDatabase("postgres");
  let smtp: TestSmtp;
  let second: Database;
  let jobs: BackgroundJobs[] = [];

  beforeAll(async () => {
    smtp = await startSmtp();
    useSettings(parseEnv({ ...process.env, SMTP_URL: smtp.url, NOTIFICATIONS_TICK_SECONDS: "3600" }));
    await seedDemo(ctx.db);
    second = await openPostgres(ctx.database.url!);
    const env = { DATABASE_URL: ctx.database.url!, NOTIFICATIONS_TICK_SECONDS: 3600 };
    const options = { url: ctx.database.url, pollingSeconds: 0.5, retryDelaySeconds: 1 };
    jobs = [await startBackgroundJobs(ctx.database, env, options), await startBackgroundJobs(second, env, options)];
  });
  afterAll(async () => {
    for (const j of jobs) await j.stop();
    await second?.close();
    await smtp?.close();
    useSettings(parseEnv());
  });

  it("sends the demo's overdue reminders once each", async () => {
    const now = new Date();
    await Promise.all([
      runNotifications(ctx.db, now),
      runNotifications(second.db, now),
      runNotifications(ctx.db, now),
      runNotifications(second.db, now),
    ]);
    const rows = await ctx.db.selectFrom("outbox_messages").select(["id", "dedupe_key"]).execute();
    expect(rows.length).toBeGreaterThan(0);
    await smtp.waitFor(rows.length);
    // Let any duplicate that would be sent arrive before counting.
    await new Promise((r) => setTimeout(r, 3000));
    const seen = smtp.messages.map((m) => `${recipients(m).join(",")}|${m.subject}`);
    expect(smtp.messages).toHaveLength(rows.length);
    expect(new Set(seen).size).toBe(seen.length);
    const overdue = smtp.messages.filter(
      (m) => recipients(m).includes("interviewer@example.com") && /^Feedback on/.test(m.subject ?? ""),
    );
    expect(overdue.length).toBeGreaterThan(0);
  });
});
