import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { PostFailed, postJson } from "~/ui/post-json";

// A real HTTP server on loopback whose answers each test scripts: "hang" never answers.
let server: http.Server | undefined;
async function serve(script: ("hang" | number)[]): Promise<{ url: string; seen: () => number }> {
  let seen = 0;
  server = http.createServer((req, res) => {
    const step = script[Math.min(seen++, script.length - 1)];
    req.resume();
    if (step === "hang") return;
    res.writeHead(step, { "Content-Type": "application/json" }).end(JSON.stringify({ saved: { version: seen } }));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/save`, seen: () => seen };
}
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
});

const quick = { timeoutMs: 200, pauseMs: 10 };

describe("postJson", () => {
  it("gives up on a hung request and gets its answer from the retry", async () => {
    const { url, seen } = await serve(["hang", 200]);
    const reply = await postJson<{ saved: { version: number } }>(url, { intent: "save" }, quick);
    expect(reply).toEqual({ status: 200, ok: true, data: { saved: { version: 2 } } });
    expect(seen()).toBe(2);
  });

  it("retries a 503 a bounded number of times, then hands the 503 back", async () => {
    const { url, seen } = await serve([503]);
    const reply = await postJson(url, {}, { ...quick, retries: 2 });
    expect(reply.status).toBe(503);
    expect(seen()).toBe(3);
  });

  it("throws after the last attempt when nothing ever answers, so the save queue moves on", async () => {
    const { url, seen } = await serve(["hang"]);
    await expect(postJson(url, {}, { ...quick, retries: 1 })).rejects.toBeInstanceOf(PostFailed);
    expect(seen()).toBe(2);
  });

  it("does not retry an answer that is not a 503", async () => {
    const { url, seen } = await serve([409]);
    expect((await postJson(url, {}, quick)).status).toBe(409);
    expect(seen()).toBe(1);
  });
});
