import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Piscina } from "piscina";
import { DomainError } from "~/errors.server";
import type { BiasWarning } from "~/scorecards/scorecard.schema";
import type { Draft, DraftRequest } from "./draft.schema";
import type { AssistantTask } from "./worker";

// Drafting and bias checks run in worker threads so a long interview never stalls other
// requests; each task has a deadline (the worker is stopped when it passes) and the input a cap.

/** Characters of answers and notes one draft may read: about 20,000 words, a few seconds of work. */
export const MAX_DRAFT_CHARS = 120_000;
const DEADLINE_MS = 30_000;

let pool: Piscina | undefined;

// The server bundle (build/index.js) finds the worker built beside it; source code (vitest, tsx
// scripts) runs the TypeScript worker through tsx.
function workerEntry(): { filename: string; execArgv: string[] } {
  const here = fileURLToPath(import.meta.url);
  const built = path.join(path.dirname(here), "assistant-worker.js");
  if (!here.endsWith(".ts") && fs.existsSync(built)) return { filename: pathToFileURL(built).href, execArgv: [] };
  const source = here.endsWith(".ts")
    ? path.join(path.dirname(here), "worker.ts")
    : path.resolve("app/assistant/worker.ts");
  return { filename: pathToFileURL(source).href, execArgv: ["--import", "tsx"] };
}

function getPool(): Piscina {
  if (!pool) {
    const { filename, execArgv } = workerEntry();
    pool = new Piscina({ filename, execArgv, minThreads: 0, maxThreads: 2, idleTimeout: 60_000 });
  }
  return pool;
}

async function run<T>(task: AssistantTask): Promise<T> {
  try {
    return (await getPool().run(task, { signal: AbortSignal.timeout(DEADLINE_MS) })) as T;
  } catch (error) {
    if ((error as Error).name === "AbortError" || (error as Error).name === "TimeoutError") {
      throw new DomainError(
        "invalid",
        "The assistant took too long on this interview; shorten the answers or draft one question at a time.",
      );
    }
    throw error;
  }
}

export function draftOffThread(input: DraftRequest): Promise<Draft> {
  const size = [input.notes, ...input.questions.flatMap((q) => [q.question, q.answer, q.notes])].reduce(
    (n, t) => n + t.length,
    0,
  );
  if (size > MAX_DRAFT_CHARS) {
    throw new DomainError(
      "invalid",
      `The interview is too long for the assistant: at most ${MAX_DRAFT_CHARS.toLocaleString("en-US")} ` +
        "characters of answers and notes.",
    );
  }
  return run<Draft>({ kind: "draft", input });
}

export function checkBiasOffThread(text: string): Promise<BiasWarning[]> {
  return run<BiasWarning[]>({ kind: "bias", text });
}

/** For tests and shutdown: stop the workers. */
export async function closeAssistantPool(): Promise<void> {
  const current = pool;
  pool = undefined;
  await current?.destroy();
}
