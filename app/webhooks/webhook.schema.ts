import { z } from "zod";

export const WEBHOOK_EVENTS = [
  "scorecard.submitted",
  "scorecard.amended",
  "feedback.overdue",
  "packet.ready",
  "decision.recorded",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

// HTTPS only; plain http to this machine is allowed outside production, for local receivers.
export function endpointUrlSchema(production: boolean) {
  return z.url({ error: "Enter the endpoint's full URL, starting with https://" }).refine(
    (value) => {
      const url = new URL(value);
      if (url.protocol === "https:") return true;
      return !production && url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
    },
    { error: "Use an https:// address (http:// only to 127.0.0.1, and not in production)" },
  );
}

const list = (v: unknown) => (Array.isArray(v) ? v : typeof v === "string" && v ? [v] : []);

export function webhookActionSchema(production: boolean) {
  return z.discriminatedUnion(
    "intent",
    [
      z.object({
        intent: z.literal("create"),
        url: endpointUrlSchema(production),
        format: z.enum(["panel", "slack"], { error: "Choose a format" }),
        events: z.preprocess(list, z.array(z.enum(WEBHOOK_EVENTS)).min(1, { error: "Choose at least one event" })),
        includeFeedback: z.preprocess((v) => v === "on" || v === "true", z.boolean()),
      }),
      z.object({ intent: z.literal("rotate"), id: z.uuid({ error: "Choose an endpoint" }) }),
      z.object({ intent: z.literal("delete"), id: z.uuid({ error: "Choose an endpoint" }) }),
    ],
    { error: "Choose what to do" },
  );
}
export type WebhookAction = z.infer<ReturnType<typeof webhookActionSchema>>;
