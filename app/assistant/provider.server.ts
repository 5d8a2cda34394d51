import type OpenAI from "openai";
import { z } from "zod";
import { getSettings, type Env } from "~/env.server";
import type { AssistantResult } from "./assist.schema";
import { draftSchema, type Draft, type DraftRequest } from "./draft.schema";
import { draftOffThread } from "./pool.server";
import { validSections, type DraftSection } from "./model-reply.server";

// The optional model: any OpenAI-compatible server (hosted, Ollama, llama.cpp, vLLM). The built-in
// drafter always runs alongside it; each section of the model's reply is used only if it passes
// its checks (model-reply.server.ts), else the built-in section stands, and the rule-based bias
// warnings are always kept. No answer in time, or no JSON: the built-in draft, and the reason.

export type BuiltInDrafter = (input: DraftRequest) => Promise<Draft>;

export type AssistantSettings = Pick<
  Env,
  "ASSISTANT_PROVIDER" | "ASSISTANT_BASE_URL" | "ASSISTANT_MODEL" | "ASSISTANT_API_KEY" | "ASSISTANT_TIMEOUT_MS"
>;

const INSTRUCTIONS = [
  "You draft an interview scorecard for the interviewer to edit. Reply with one JSON object matching " + "the schema.",
  "- summary: formal, third person, 40-250 words, for a hiring committee: situation, the candidate's " +
    "own actions, outcome, how the interviewer's ratings read. Never state a number that is not in the " +
    "input.",
  "- strengths, improvements: short lines drawn from the ratings and the evidence; point out a rating " +
    "at either end of the scale that nothing in the notes or answer supports.",
  "- redFlags: categories overclaiming, ambiguity-avoidance, lack-of-reflection, blame-shifting, " +
    "unquantified-impact, hypothetical-answer (behavioral questions only), generic-answer, inconsistency;" +
    " severity 1-5 by strength and repetition; evidence quoted verbatim from the answer or notes. Raise " +
    "nothing of severity 3 or more on a specific, first-person, measured, reflective answer.",
  '- followUps: at least three probing questions ending in "?".',
  "- biasWarnings: remarks in the interviewer's notes about age, family status or pregnancy, national " +
    'origin or accent, race, religion, sex or gender, disability or health, or "culture fit" next to one ' +
    "of those.",
  "Never propose a hire/no-hire recommendation or a rating.",
].join("\n");

// Settings are validated once at start (app/env.server.ts). One attempt per request: a server that
// did not answer within the timeout will not answer a second time either, and the interviewer waits.
export async function draftWithAssistant(
  input: DraftRequest,
  settings: AssistantSettings = getSettings(),
  builtIn: BuiltInDrafter = draftOffThread,
): Promise<AssistantResult> {
  if (settings.ASSISTANT_PROVIDER === "built-in" || !settings.ASSISTANT_BASE_URL || !settings.ASSISTANT_MODEL) {
    return { draft: await builtIn(input), source: "built-in" };
  }
  const local = builtIn(input);
  local.catch(() => undefined); // awaited below; a rejection must not go unhandled meanwhile
  // Loaded on first use: most installations never talk to a model, and the CLI starts faster without it.
  const { default: OpenAIClient } = await import("openai");
  const client = new OpenAIClient({
    baseURL: settings.ASSISTANT_BASE_URL,
    apiKey: settings.ASSISTANT_API_KEY,
    timeout: settings.ASSISTANT_TIMEOUT_MS,
    maxRetries: 0,
  });
  let reply: unknown;
  try {
    reply = await askModel(client, settings.ASSISTANT_MODEL, input);
  } catch (error) {
    const reason = describeFailure(OpenAIClient, error, settings.ASSISTANT_TIMEOUT_MS);
    return { draft: await local, source: "built-in", fallbackReason: `the model server failed (${reason})` };
  }
  const builtInDraft = await local;
  const { sections, rejected } = validSections(reply, input);
  if (Object.keys(sections).length === 0) {
    return {
      draft: builtInDraft,
      source: "built-in",
      fallbackReason: `the model's reply failed every check (${rejected.join("; ")})`,
    };
  }
  const draft = { ...builtInDraft, ...sections } as Draft;
  // The rule-based bias warnings always stand; the model may add to them.
  draft.biasWarnings = [
    ...builtInDraft.biasWarnings,
    ...(sections.biasWarnings ?? []).filter(
      (w) => !builtInDraft.biasWarnings.some((b) => b.excerpt === w.excerpt && b.topic === w.topic),
    ),
  ];
  return { draft: draftSchema.parse(draft), source: "model", ...(rejected.length > 0 ? { replaced: rejected } : {}) };
}

async function askModel(client: OpenAI, model: string, input: DraftRequest): Promise<unknown> {
  const completion = await client.chat.completions.create({
    model,
    temperature: 0,
    messages: [
      { role: "system", content: INSTRUCTIONS },
      { role: "user", content: JSON.stringify(input) },
    ],
    response_format: { type: "json_schema", json_schema: { name: "draft", schema: z.toJSONSchema(draftSchema) } },
  });
  const content = completion.choices[0]?.message?.content;
  if (!content) throw new ModelReplyError("the reply was empty");
  try {
    return JSON.parse(content);
  } catch {
    throw new ModelReplyError("the reply was not JSON");
  }
}

class ModelReplyError extends Error {}

function describeFailure(SDK: typeof OpenAI, error: unknown, timeoutMs: number): string {
  if (error instanceof ModelReplyError) return error.message;
  if (error instanceof SDK.APIConnectionTimeoutError) return `no answer within ${timeoutMs} ms`;
  if (error instanceof SDK.APIError && error.status) return `HTTP ${error.status}`;
  if (error instanceof SDK.APIConnectionError) return "could not connect";
  return (error as Error).message;
}

export { inputText } from "./model-reply.server";
export type { DraftSection };
