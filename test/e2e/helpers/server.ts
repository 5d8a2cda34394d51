import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");

export type RunningServer = {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
  // SIGKILL to the whole process group, as a crash or an OOM kill would; the folder is kept.
  kill(): Promise<void>;
};

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode}:\n${output()}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not answer /healthz within ${timeoutMs} ms:\n${output()}`);
}

// The built server (`node build/server.js`, as `npm run start:built`) on a free port, with demo data in a fresh PGlite
// folder; or, after a kill(), again on the same port and folder (`reuse`). A PORT in env is the port (a test that must
// know it before start, e.g. for PUBLIC_URL).
export async function startServer(
  env: Record<string, string> = {},
  reuse?: { port: number; dataDir: string },
): Promise<RunningServer> {
  const port = reuse?.port ?? (env.PORT ? Number(env.PORT) : await freePort());
  const dataDir = reuse?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "panel-e2e-"));
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, ["--enable-source-maps", "build/server.js"], {
    cwd: root,
    env: {
      ...inherited,
      NODE_ENV: "production",
      INSECURE_COOKIES: "1",
      PORT: String(port),
      PGLITE_DIR: dataDir,
      ...env,
    },
    detached: true, // its own process group, so stop() ends whatever it started too
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid!, "SIGTERM");
      const killer = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 5_000);
      await exited;
      clearTimeout(killer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      process.kill(-child.pid!, "SIGKILL");
      await exited;
    }
    // The lock holder may outlive the signal for a moment until it is reaped.
    const lock = path.join(dataDir, "panel.lock");
    const holder = fs.existsSync(lock) ? Number(fs.readFileSync(lock, "utf8")) : 0;
    for (let i = 0; holder && i < 50 && isAlive(holder); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  };

  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, () => output, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, dataDir, stop, kill };
}

// One server for the describe block (or file) that calls it.
export function useServer(env?: Record<string, string>): { readonly url: string } {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startServer(env);
  });
  afterAll(async () => {
    await server?.stop();
  });
  return {
    get url() {
      if (!server) throw new Error("The server is not running yet: read url inside tests or hooks");
      return server.url;
    },
  };
}
