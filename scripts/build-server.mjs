import { build } from "esbuild";

// The parts of the server Remix does not build, compiled once here rather than by tsx at every
// start: the HTTP entry (server.ts) and the PDF renderer's worker thread. npm packages stay
// unbundled, as in the Remix build (docs/decisions/001): PGlite and pdfkit find their files
// beside their own code. esbuild reads tsconfig.json's `paths` for the ~/ and ~db/ imports.
await build({
  entryPoints: { server: "server.ts", "pdf-render-worker": "app/pdf/render-worker.ts" },
  outdir: "build",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  packages: "external",
  sourcemap: true,
  logLevel: "warning",
});
