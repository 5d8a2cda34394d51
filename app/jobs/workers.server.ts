import type PgBoss from "pg-boss";
import type { Database } from "~db/index.server";
import type { Env } from "~/env.server";
import { deliverMessage } from "~/notifications/mailer.server";
import { runNotifications } from "~/notifications/reminders.server";
import { deliverWebhook } from "~/webhooks/webhooks.server";
import { handUncarried, startJobs, stopJobs, type JobOptions } from "./queue.server";

export type BackgroundJobs = { boss: PgBoss; tick(): Promise<void>; stop(): Promise<void> };

// Every instance works the queues and asks for a notifications run every tickSeconds; the
// request is throttled by pg-boss (one per window across instances), and the run itself is
// idempotent, so more instances mean no more messages.
export async function startBackgroundJobs(
  database: Database,
  env: Pick<Env, "DATABASE_URL" | "NOTIFICATIONS_TICK_SECONDS">,
  options: Partial<JobOptions> & { now?: () => Date } = {},
): Promise<BackgroundJobs> {
  const db = database.db;
  const now = options.now ?? (() => new Date());
  const boss = await startJobs(
    database,
    {
      "mail.send": ({ id }) => deliverMessage(db, id!),
      "webhook.deliver": ({ id }) => deliverWebhook(db, id!),
      "notifications.tick": async () => {
        await runNotifications(db, now());
        await handUncarried(db, "webhook.deliver");
      },
    },
    { url: env.DATABASE_URL ?? null, ...options },
  );
  const seconds = env.NOTIFICATIONS_TICK_SECONDS;
  const tick = async () => {
    await boss.send("notifications.tick", {}, { singletonKey: "tick", singletonSeconds: seconds });
  };
  const timer = setInterval(
    () => tick().catch((error) => console.warn(`panel: notifications tick: ${(error as Error).message}`)),
    seconds * 1000,
  );
  timer.unref();
  await tick();
  return {
    boss,
    tick,
    stop: async () => {
      clearInterval(timer);
      await stopJobs(boss);
    },
  };
}
