import { afterAll, describe, expect, it } from "vitest";
import { parseDraftInput } from "~/assistant/draft.schema";
import { MAX_DRAFT_CHARS, checkBiasOffThread, closeAssistantPool, draftOffThread } from "~/assistant/pool.server";
import { DomainError } from "~/errors.server";

// Drafting runs in a worker thread: the request thread keeps serving while the largest allowed
// draft runs (shown by timers firing while it is pending, not by timing it), and a bigger one is
// refused with a message instead of being attempted.

afterAll(() => closeAssistantPool());

const sentence =
  "When the night shift left the rota unfinished I rebuilt it in a weekend, and overtime fell from 40 to 12 hours a week. ";
const answerOf = (chars: number) => sentence.repeat(Math.floor(chars / sentence.length));

describe("assistant worker pool", () => {
  it("keeps the event loop turning while the largest allowed draft runs", async () => {
    const questions = Array.from({ length: 4 }, () => ({
      question: "Tell me about a rota you fixed.",
      answer: answerOf(MAX_DRAFT_CHARS / 4 - 200),
      notes: "",
    }));
    const input = parseDraftInput({ questions, notes: "", ratings: {} });
    let ticks = 0;
    let done = false;
    const ticker = setInterval(() => ticks++, 5);
    const pending = draftOffThread(input.data!).finally(() => (done = true));
    let ticksWhilePending = 0;
    while (!done) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      if (!done) ticksWhilePending = ticks;
    }
    clearInterval(ticker);
    const draft = await pending;
    expect(draft.summary).toContain("40 to 12 hours");
    expect(ticksWhilePending).toBeGreaterThan(3);
  }, 120_000);

  it("refuses a draft over the size cap with a message", async () => {
    const questions = Array.from({ length: 5 }, () => ({
      question: "q",
      answer: "x ".repeat(MAX_DRAFT_CHARS / 8),
      notes: "",
    }));
    const input = parseDraftInput({ questions, notes: "", ratings: {} });
    expect(() => draftOffThread(input.data!)).toThrow(DomainError);
  });

  it("checks bias off the request thread too", async () => {
    expect((await checkBiasOffThread("Originally from Lagos.")).map((w) => w.topic)).toEqual(["national-origin"]);
  }, 60_000);
});
