import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { emit, kernelMemory, median, say, SCALE, sleep } from "./lib";

// Cold start on PGlite: from spawning `npm run start:built`'s command to the first 200 on
// /healthz, against the time PGlite alone takes to open the same folder in a fresh process
// (import and open), interleaved round by round. Memory: the kernel's resident size of every
// process of the server's process group just after that first 200.

const root = path.resolve(import.meta.dirname, "..");
const PATH = `${path.join(root, "node_modules/.bin")}${path.delimiter}${process.env.PATH}`;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function groupRssMb(pgid: number): number {
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command's closing parenthesis: state, ppid, pgrp, …
      const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (pgrp === pgid) total += kernelMemory(Number(entry)).rssMb;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

async function startServer(dataDir: string): Promise<{ ms: number; rssMb: number }> {
  const command = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).scripts["start:built"] as string;
  const port = await freePort();
  const { DATABASE_URL: _unused, ...env } = process.env;
  const t = performance.now();
  const child = spawn("sh", ["-c", command], {
    cwd: root,
    env: { ...env, PATH, NODE_ENV: "production", PORT: String(port), PGLITE_DIR: dataDir },
    detached: true,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let errors = "";
  child.stderr!.on("data", (chunk) => (errors += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited: ${errors}`);
      const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await sleep(20);
    }
    const ms = performance.now() - t;
    return { ms, rssMb: groupRssMb(child.pid!) };
  } finally {
    const signal = (name: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, name);
      } catch {
        // already gone
      }
    };
    signal("SIGTERM");
    const killer = setTimeout(() => signal("SIGKILL"), 10_000);
    await exited;
    clearTimeout(killer);
    // The lock file names the server's pid: wait until whoever held it is gone.
    for (let i = 0; i < 100 && fs.existsSync(path.join(dataDir, "panel.lock")); i++) await sleep(50);
  }
}

const OPEN_PGLITE = `const t = performance.now(); const { PGlite } = await import("@electric-sql/pglite"); const db = await PGlite.create(process.argv[1]); await db.query("select 1"); console.log("open"); await db.close();`;

async function openPglite(pgdata: string): Promise<number> {
  const t = performance.now();
  const child = spawn(process.execPath, ["--input-type=module", "-e", OPEN_PGLITE, pgdata], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const ms = await new Promise<number>((resolve, reject) => {
    child.stdout!.once("data", () => resolve(performance.now() - t));
    child.once("exit", (code) => reject(new Error(`PGlite open exited with ${code}`)));
  });
  await new Promise((resolve) => child.once("exit", resolve));
  return ms;
}

export async function runStart(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "panel-bench-start-"));
  try {
    const first = await startServer(dataDir); // a new folder: migrations and demo data
    say(`start   first start in a new folder ${first.ms.toFixed(0)} ms, ${first.rssMb.toFixed(0)} MB`);
    const rounds = Math.max(3, Math.round(5 * SCALE));
    const server: number[] = [];
    const rss: number[] = [];
    const pglite: number[] = [];
    for (let i = 0; i < rounds; i++) {
      pglite.push(await openPglite(path.join(dataDir, "pgdata")));
      const s = await startServer(dataDir);
      server.push(s.ms);
      rss.push(s.rssMb);
    }
    say(
      `start   PGlite alone opens in ${median(pglite).toFixed(0)} ms; the server answers /healthz after ${median(server).toFixed(0)} ms with ${median(rss).toFixed(0)} MB resident (medians of ${rounds})`,
    );
    emit({ bench: "start", db: "pglite", metric: "start.pglite_open_ms", value: median(pglite), unit: "ms" });
    emit({ bench: "start", db: "pglite", metric: "start.healthz_ms", value: median(server), unit: "ms" });
    emit({
      bench: "start",
      db: "pglite",
      metric: "start.over_pglite_open_ms",
      value: median(server) - median(pglite),
      unit: "ms",
    });
    emit({ bench: "start", db: "pglite", metric: "start.rss_mb", value: median(rss), unit: "MB" });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
