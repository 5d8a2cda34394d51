import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDraftInput, type Draft } from "~/assistant/draft.schema";
import { draftScorecard } from "~/assistant/drafter.server";
import { draftWithAssistant } from "~/assistant/provider.server";
import { parseEnv as parseSettings, type Env } from "~/env.server";

const parseEnv = (vars: Record<string, string>) => parseSettings(vars as NodeJS.ProcessEnv);

// A stand-in OpenAI-compatible server: /v1/chat/completions answers as the test asks.
type Behaviour = "good" | "malformed" | "off-schema" | "slow" | "invented-figure" | "misquoted" | "http-error";
let behaviour: Behaviour = "good";
let requests: { path: string; body: { response_format?: { type: string } } }[] = [];

const modelDraft: Draft = {
  summary:
    "The candidate described a difficult renewal with a logistics customer. They set up a weekly call, agreed a fix list with the operations director and kept written updates going until the fixes landed. The interviewer rated communication highly. The ownership of the engineering work should be probed further in the next round.",
  strengths: ["Clear weekly communication with the customer."],
  improvements: ["Separate own actions from the engineers' work."],
  redFlags: [],
  followUps: ["What did you do yourself?", "How did you measure it?", "What would you change?"],
  biasWarnings: [],
};

function reply(content: string) {
  return JSON.stringify({
    id: "chatcmpl-test",
    object: "chat.completion",
    created: 0,
    model: "test-model",
    choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content } }],
  });
}

const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (chunk) => (body += chunk));
  req.on("end", () => {
    requests.push({ path: req.url ?? "", body: JSON.parse(body) });
    const send = (content: string) => res.writeHead(200, { "content-type": "application/json" }).end(reply(content));
    if (behaviour === "good") send(JSON.stringify(modelDraft));
    else if (behaviour === "malformed") send("Sure! Here is your draft: {summary: oops");
    else if (behaviour === "off-schema")
      send(JSON.stringify({ ...modelDraft, redFlags: [{ category: "rudeness", severity: 9 }] }));
    else if (behaviour === "invented-figure")
      send(JSON.stringify({ ...modelDraft, summary: `${modelDraft.summary} Churn fell by 37%.` }));
    else if (behaviour === "misquoted")
      send(
        JSON.stringify({
          ...modelDraft,
          redFlags: [
            {
              category: "overclaiming",
              severity: 3,
              justification: "j",
              evidence: ["I fixed everything alone."],
              suggestion: "s",
            },
          ],
        }),
      );
    else if (behaviour === "http-error") res.writeHead(500).end("boom");
    // "slow": never answers within the timeout
  });
});

let env: Env;
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  env = parseEnv({
    ASSISTANT_PROVIDER: "openai-compatible",
    ASSISTANT_BASE_URL: `http://127.0.0.1:${port}/v1`,
    ASSISTANT_MODEL: "test-model",
    ASSISTANT_API_KEY: "test-key",
    ASSISTANT_TIMEOUT_MS: "15000",
  });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const input = parseDraftInput({
  question: "Describe a situation where you had to deal with a difficult customer.",
  answer:
    "I called the customer within a day, agreed a fix list and sent weekly updates for six weeks. Tickets fell from 14 to 3.",
  notes: "Specific.",
  ratings: { communication: "strong" },
  recommendation: "hire",
});
if (!input.success) throw input.error;

// A silent server is given a short timeout; the others a generous one, so a loaded machine
// does not turn a slow first reply into a timeout.
async function run(b: Behaviour) {
  behaviour = b;
  requests = [];
  return draftWithAssistant(input.data!, b === "slow" ? { ...env, ASSISTANT_TIMEOUT_MS: 1000 } : env, builtIn);
}
const builtIn = async (i: Parameters<typeof draftScorecard>[0]) => draftScorecard(i);

describe("model settings", () => {
  it("are checked at start, with one line naming the missing or bad setting", () => {
    expect(() => parseEnv({ ASSISTANT_PROVIDER: "openai-compatible", ASSISTANT_MODEL: "m" })).toThrow(
      /ASSISTANT_BASE_URL is required/,
    );
    expect(() =>
      parseEnv({ ASSISTANT_PROVIDER: "openai-compatible", ASSISTANT_BASE_URL: "http://127.0.0.1:1/v1" }),
    ).toThrow(/ASSISTANT_MODEL is required/);
    expect(() => parseEnv({ ASSISTANT_PROVIDER: "gpt" })).toThrow(/ASSISTANT_PROVIDER/);
    expect(() => parseEnv({ ASSISTANT_TIMEOUT_MS: "soon" })).toThrow(/ASSISTANT_TIMEOUT_MS/);
  });
});

describe("model provider", () => {
  it("uses a valid model reply, asking for the Draft JSON schema", async () => {
    const result = await run("good");
    expect(result.replaced).toBeUndefined();
    expect(result).toEqual({ draft: modelDraft, source: "model" });
    expect(requests).toHaveLength(1);
    expect(requests[0].path).toBe("/v1/chat/completions");
    expect(requests[0].body.response_format?.type).toBe("json_schema");
  });

  it.each([
    ["malformed", /not JSON/],
    ["slow", /no answer within 1000 ms/],
    ["http-error", /HTTP 500/],
  ] as const)("falls back to the built-in drafter on a %s reply, after one attempt", async (b, reason) => {
    const result = await run(b);
    expect(result.source).toBe("built-in");
    expect(result.fallbackReason).toMatch(reason);
    expect(requests).toHaveLength(1);
    expect(result.draft.followUps.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ["off-schema", "redFlags", /redFlags: invalid at 0\./],
    ["invented-figure", "summary", /summary: states figures not in the input: 37/],
    ["misquoted", "redFlags", /redFlags: evidence not found verbatim/],
  ] as const)(
    "keeps the model's valid sections and the built-in one where a %s reply fails its check",
    async (b, section, reason) => {
      const result = await run(b);
      const local = draftScorecard(input.data!);
      expect(result.source).toBe("model");
      expect(result.replaced?.join("\n")).toMatch(reason);
      expect(result.draft[section]).toEqual(local[section]);
      expect(result.draft.strengths).toEqual(modelDraft.strengths);
    },
  );

  it("always keeps the rule-based bias warnings", async () => {
    const withBias = parseDraftInput({
      ...input.data!.questions[0],
      notes: "Young mum so might not manage the travel.",
      ratings: {},
    });
    behaviour = "good";
    const result = await draftWithAssistant(withBias.data!, env, builtIn);
    expect(result.source).toBe("model");
    expect(result.draft.biasWarnings.map((w) => w.topic)).toEqual(["family-status"]);
  });

  it("falls back with a reason when the server cannot be reached", async () => {
    const result = await draftWithAssistant(
      input.data!,
      { ...env, ASSISTANT_BASE_URL: "http://127.0.0.1:9/v1" },
      builtIn,
    );
    expect(result).toMatchObject({ source: "built-in", fallbackReason: expect.stringMatching(/could not connect/) });
  });

  it("uses the built-in drafter without a reason when no provider is configured", async () => {
    const result = await draftWithAssistant(input.data!, parseEnv({}), builtIn);
    expect(result.source).toBe("built-in");
    expect(result).not.toHaveProperty("fallbackReason");
  });
});
