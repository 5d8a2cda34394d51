import { describe, expect, it } from "vitest";
import { idempotencyKey, nextIdempotencyKey } from "~/ui/form-fields";

describe("the next one-time key a form makes in the browser", () => {
  it("passes the same schema the action checks, and never repeats", () => {
    const keys = Array.from({ length: 1000 }, nextIdempotencyKey);
    for (const key of keys) expect(idempotencyKey.safeParse(key).success).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
