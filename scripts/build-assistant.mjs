import { build } from "esbuild";

// The assistant's worker thread and the draft CLI as single ES modules in build/, so neither
// needs a TypeScript compiler at run time (`npm run build` runs this after `remix build`).
export async function buildAssistant() {
  await build({
    entryPoints: { "assistant-worker": "app/assistant/worker.ts", draft: "scripts/draft.ts" },
    outdir: "build",
    outExtension: { ".js": ".js" },
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
    // CommonJS dependencies bundled into an ES module still call require().
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildAssistant();
