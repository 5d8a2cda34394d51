import { checkBias } from "./bias.server";
import type { DraftRequest } from "./draft.schema";
import { draftScorecard } from "./drafter.server";

// Runs in a worker thread (pool.server.ts): the CPU-heavy part of the assistant, off the
// request thread. Built to build/assistant-worker.js by `npm run build`.
export type AssistantTask = { kind: "draft"; input: DraftRequest } | { kind: "bias"; text: string };

export default function run(task: AssistantTask) {
  return task.kind === "draft" ? draftScorecard(task.input) : checkBias(task.text);
}
