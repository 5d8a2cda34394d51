import { z } from "zod";
import { QUEUE_NAMES } from "./queues";

// What an admin may do on the jobs page.
export const retrySchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("retry"),
      queue: z.enum(QUEUE_NAMES, { error: "Choose a queue" }),
      id: z.uuid({ error: "Choose a job" }),
    }),
  ],
  { error: "Choose what to do" },
);
export type JobAction = z.infer<typeof retrySchema>;
