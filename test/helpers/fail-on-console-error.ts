import { format } from "node:util";
import { afterEach, beforeEach, vi } from "vitest";

// An error the code logs is a bug the test did not look for: fail the test that caused it.
let logged: string[] = [];

beforeEach(() => {
  logged = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    logged.push(format(...args));
  });
});

afterEach(() => {
  vi.mocked(console.error).mockRestore();
  const lines = logged;
  logged = [];
  if (lines.length) throw new Error(`console.error was called during the test:\n${lines.join("\n")}`);
});
