// The queues Panel runs, with their retry policy. Backoff doubles the delay on each retry.
export const QUEUE_NAMES = ["mail.send", "webhook.deliver", "notifications.tick"] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export const QUEUES: Record<QueueName, { retryLimit: number; retryDelay: number; retryBackoff: boolean }> = {
  "mail.send": { retryLimit: 5, retryDelay: 30, retryBackoff: true },
  "webhook.deliver": { retryLimit: 6, retryDelay: 10, retryBackoff: true },
  "notifications.tick": { retryLimit: 0, retryDelay: 0, retryBackoff: false },
};
