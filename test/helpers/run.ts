import { spawn } from "node:child_process";

// Child processes in tests: started asynchronously (a spawnSync blocks the event loop, so not even
// the test's own timeout can fire), killed at a deadline that is always shorter than the timeout
// of the test that waits for them, so a slow machine fails with the child's output, never a hang.
export const CHILD_DEADLINE_MS = 90_000;
export const CHILD_TEST_TIMEOUT_MS = CHILD_DEADLINE_MS + 30_000;

export type ChildResult = { code: number | null; stdout: string; stderr: string; timedOut: boolean };

export function runChild(
  command: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; deadlineMs?: number } = {},
): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, options.deadlineMs ?? CHILD_DEADLINE_MS);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, timedOut });
    });
  });
}
