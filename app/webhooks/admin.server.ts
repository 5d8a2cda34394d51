import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { deleteEndpoint, insertEndpoint, listDeliveries, listEndpoints, setEndpointSecret } from "~db/queries/webhooks";
import type { SessionUser } from "~/auth/guard.server";
import { DomainError } from "~/errors.server";
import type { WebhookAction } from "./webhook.schema";
import { newSecret } from "./webhooks.server";

export async function readWebhooks() {
  const db = getDb();
  const [endpoints, deliveries] = await Promise.all([listEndpoints(db), listDeliveries(db)]);
  return { endpoints, deliveries };
}

// Create, rotate the signing secret, or remove an endpoint; each is audited (never the secret).
export async function changeWebhooks(actor: SessionUser, input: WebhookAction): Promise<void> {
  const db = getDb();
  await db.transaction().execute(async (tx) => {
    let id: string;
    if (input.intent === "create") {
      id = await insertEndpoint(tx, {
        url: input.url,
        format: input.format,
        events: input.events,
        secret: newSecret(),
        includeFeedback: input.includeFeedback,
        createdBy: actor.id,
      });
    } else {
      id = input.id;
      const found =
        input.intent === "rotate" ? await setEndpointSecret(tx, id, newSecret()) : await deleteEndpoint(tx, id);
      if (!found) throw new DomainError("not-found", "No such endpoint.");
    }
    const details =
      input.intent === "create"
        ? { url: input.url, format: input.format, events: input.events, includeFeedback: input.includeFeedback }
        : {};
    await appendAudit(tx, {
      actorId: actor.id,
      action: `webhook.${input.intent}`,
      subjectType: "webhook",
      subjectId: id,
      details,
    });
  });
}
