// The browser's one way to post JSON to our own endpoints: every attempt has a deadline (a hung
// request must not hold the autosave queue, and Submit behind it, forever), and a network
// error, a timeout or a 503 is retried a few times with a growing pause before giving up.
export type JsonReply<T> = { status: number; ok: boolean; data: T | null };
export class PostFailed extends Error {}

export type PostOptions = { timeoutMs?: number; retries?: number; pauseMs?: number };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function postJson<T>(
  url: string,
  body: unknown,
  { timeoutMs = 15_000, retries = 2, pauseMs = 1_000 }: PostOptions = {},
): Promise<JsonReply<T>> {
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= retries;
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (response.status === 503 && !last) {
        await pause(pauseMs * 2 ** attempt);
        continue;
      }
      const data = (await response.json().catch(() => null)) as T | null;
      return { status: response.status, ok: response.ok, data };
    } catch (error) {
      if (last) throw new PostFailed(`No answer from ${url}: ${(error as Error).message}`);
      await pause(pauseMs * 2 ** attempt);
    }
  }
}
