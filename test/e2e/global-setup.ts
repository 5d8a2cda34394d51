import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const SOURCES = [
  "app",
  "db",
  "templates",
  "server.ts",
  "scripts/build-server.mjs",
  "remix.config.js",
  "package-lock.json",
];

function newestChange(entry: string): number {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

// Browser tests run the built server: build once, unless the build is newer than every source.
export default function setup() {
  const built = path.join(root, "build/server.js");
  const builtAt = fs.existsSync(built) ? fs.statSync(built).mtimeMs : 0;
  if (SOURCES.every((source) => newestChange(path.join(root, source)) < builtAt)) return;
  // Vitest sets NODE_ENV=test, which would compile development JSX the production server lacks.
  execFileSync(path.join(root, "node_modules/.bin/remix"), ["build"], {
    cwd: root,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  execFileSync(process.execPath, ["scripts/build-server.mjs"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  // The assistant's worker thread is bundled beside the server (scripts/build-assistant.mjs).
  execFileSync(process.execPath, ["scripts/build-assistant.mjs"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
}
