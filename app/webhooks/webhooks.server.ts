import crypto from "node:crypto";
import type { Conn } from "~db/schema";
import { findDelivery, insertDelivery, listEndpointsFor, recordAttempt } from "~db/queries/webhooks";
import { handToQueue } from "~/jobs/queue.server";
import { slackMessage } from "./slack";
import type { WebhookEvent } from "./webhook.schema";

// `feedback` (scorecard content) is sent only to endpoints whose admin turned it on.
export type WebhookPayload = Record<string, unknown> & { feedback?: unknown };

export const SIGNATURE_HEADER = "Panel-Signature";

// Header value: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>" with the secret>.
export function signature(secret: string, timestamp: number, body: string): string {
  const mac = crypto.createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");
  return `t=${timestamp},v1=${mac}`;
}

export const newSecret = () => `whsec_${crypto.randomBytes(24).toString("base64url")}`;

// One delivery row per subscribed endpoint, then a job each. `dedupe` makes an event that a
// periodic run finds (feedback.overdue) go out once per endpoint across instances.
export async function emitWebhook(
  db: Conn,
  event: WebhookEvent,
  payload: WebhookPayload,
  { dedupe }: { dedupe?: string } = {},
): Promise<void> {
  for (const endpoint of await listEndpointsFor(db, event)) {
    const { feedback, ...withoutFeedback } = payload;
    const data =
      endpoint.include_feedback && feedback !== undefined ? { ...withoutFeedback, feedback } : withoutFeedback;
    const body =
      endpoint.format === "slack"
        ? JSON.stringify(slackMessage(event, data))
        : JSON.stringify({ id: crypto.randomUUID(), event, createdAt: new Date().toISOString(), data });
    const id = await insertDelivery(db, {
      endpointId: endpoint.id,
      event,
      body,
      dedupeKey: dedupe ? `${dedupe}:${endpoint.id}` : null,
    });
    if (id) await handToQueue(db, "webhook.deliver", id);
  }
}

const TIMEOUT_MS = 10_000;

// The webhook.deliver job: one signed POST. Anything but a 2xx is recorded and thrown, so the
// queue retries with backoff; the delivery log shows every attempt's outcome.
export async function deliverWebhook(db: Conn, id: string, now: () => Date = () => new Date()): Promise<void> {
  const delivery = await findDelivery(db, id);
  if (!delivery || delivery.status === "delivered") return;
  const timestamp = Math.floor(now().getTime() / 1000);
  let responseStatus: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(delivery.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "Panel-Webhooks/1",
        [SIGNATURE_HEADER]: signature(delivery.secret, timestamp, delivery.body),
        "Panel-Event": delivery.event,
        "Panel-Delivery": delivery.id,
      },
      body: delivery.body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    responseStatus = response.status;
    await response.body?.cancel();
    if (!response.ok) error = `HTTP ${response.status}`;
  } catch (e) {
    error = (e as Error).message;
  }
  await recordAttempt(db, id, { delivered: error === null, responseStatus, error, at: now() });
  if (error) throw new Error(`Webhook ${delivery.event} to ${delivery.url}: ${error}`);
}
