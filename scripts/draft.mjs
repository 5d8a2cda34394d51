import fs from "node:fs";
import path from "node:path";

// `npm run draft` runs the bundled CLI (build/draft.js); it is rebuilt first when missing or
// older than the code it bundles, so a fresh checkout works without `npm run build`.
const root = path.resolve(import.meta.dirname, "..");
const bundle = path.join(root, "build/draft.js");
const SOURCES = ["app/assistant", "app/scorecards", "app/env.server.ts", "app/errors.server.ts", "scripts/draft.ts"];

function newest(entry) {
  const stat = fs.statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...fs.readdirSync(entry).map((name) => newest(path.join(entry, name))));
}

const builtAt = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
if (SOURCES.some((source) => newest(path.join(root, source)) > builtAt)) {
  const { buildAssistant } = await import("./build-assistant.mjs");
  process.chdir(root);
  await buildAssistant();
}
await import(bundle);
