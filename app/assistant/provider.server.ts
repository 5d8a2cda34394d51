import OpenAI from "openai";
import { z } from "zod";
import { getSettings, type Env } from "~/env.server";
import { draftSchema, type Draft, type DraftRequest } from "./draft.schema";
import { draftScorecard } from "./drafter.server";
import { inventedFigures } from "./figures";

// The optional model: any OpenAI-compatible server (hosted, Ollama, llama.cpp, vLLM). Whatever
// goes wrong — no answer in time, a malformed or off-schema reply — the built-in drafter answers
// instead and the caller learns why, so the page can say so.

export type AssistantResult = { draft: Draft; source: "built-in" | "model"; fallbackReason?: string };

export type AssistantSettings = Pick<Env, "ASSISTANT_PROVIDER" | "ASSISTANT_BASE_URL" | "ASSISTANT_MODEL" | "ASSISTANT_API_KEY" | "ASSISTANT_TIMEOUT_MS">;

const INSTRUCTIONS = `You draft an interview scorecard for the interviewer to edit. Reply with one JSON object matching the schema.
- summary: formal, third person, 40-250 words, for a hiring committee: situation, the candidate's own actions, outcome, how the interviewer's ratings read. Never state a number that is not in the input.
- strengths, improvements: short lines drawn from the ratings and the evidence; point out a rating at either end of the scale that nothing in the notes or answer supports.
- redFlags: categories overclaiming, ambiguity-avoidance, lack-of-reflection, blame-shifting, unquantified-impact, hypothetical-answer (behavioral questions only), generic-answer, inconsistency; severity 1-5 by strength and repetition; evidence quoted verbatim from the answer or notes. Raise nothing of severity 3 or more on a specific, first-person, measured, reflective answer.
- followUps: at least three probing questions ending in "?".
- biasWarnings: remarks in the interviewer's notes about age, family status or pregnancy, national origin or accent, race, religion, sex or gender, disability or health, or "culture fit" next to one of those.
Never propose a hire/no-hire recommendation or a rating.`;

// Settings are validated once at start (app/env.server.ts). One attempt per request: a server that
// did not answer within the timeout will not answer a second time either, and the interviewer waits.
export async function draftWithAssistant(input: DraftRequest, settings: AssistantSettings = getSettings()): Promise<AssistantResult> {
  if (settings.ASSISTANT_PROVIDER === "built-in" || !settings.ASSISTANT_BASE_URL || !settings.ASSISTANT_MODEL) {
    return { draft: draftScorecard(input), source: "built-in" };
  }
  const client = new OpenAI({
    baseURL: settings.ASSISTANT_BASE_URL,
    apiKey: settings.ASSISTANT_API_KEY,
    timeout: settings.ASSISTANT_TIMEOUT_MS,
    maxRetries: 0,
  });
  try {
    return { draft: await askModel(client, settings.ASSISTANT_MODEL, input), source: "model" };
  } catch (error) {
    return fallback(input, `the model server failed (${describeFailure(error, settings.ASSISTANT_TIMEOUT_MS)})`);
  }
}

async function askModel(client: OpenAI, model: string, input: DraftRequest): Promise<Draft> {
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
  let json: unknown;
  try {
    json = JSON.parse(content);
  } catch {
    throw new ModelReplyError("the reply was not JSON");
  }
  const parsed = draftSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ModelReplyError(`the reply did not match the Draft schema at ${issue.path.join(".") || "(top level)"}: ${issue.message}`);
  }
  const invented = inventedFigures(parsed.data.summary, inputText(input));
  if (invented.length > 0) throw new ModelReplyError(`the summary states figures not in the input: ${invented.join(", ")}`);
  return parsed.data;
}

class ModelReplyError extends Error {}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof ModelReplyError) return error.message;
  if (error instanceof OpenAI.APIConnectionTimeoutError) return `no answer within ${timeoutMs} ms`;
  if (error instanceof OpenAI.APIError && error.status) return `HTTP ${error.status}`;
  if (error instanceof OpenAI.APIConnectionError) return "could not connect";
  return (error as Error).message;
}

function fallback(input: DraftRequest, fallbackReason: string): AssistantResult {
  return { draft: draftScorecard(input), source: "built-in", fallbackReason };
}

export function inputText(input: DraftRequest): string {
  return [input.notes, ...input.questions.flatMap((q) => [q.question, q.answer, q.notes])].join("\n");
}
