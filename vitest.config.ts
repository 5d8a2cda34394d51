import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

const alias = {
  "~": fileURLToPath(new URL("./app", import.meta.url)),
  "~db": fileURLToPath(new URL("./db", import.meta.url)),
};

// Two cores here: cap the workers, and keep browser tests in one serial project.
export default defineConfig({
  resolve: { alias },
  test: {
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        // Setup on a loaded two-core machine (a worker pool, a corpus read) can pass Vitest's 10 s default.
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts", "test/assistant/**/*.test.ts"],
          hookTimeout: 60_000,
        },
      },
      // Hostile input (fast-check): bounded run counts so the project stays under a minute on two cores.
      { resolve: { alias }, test: { name: "property", include: ["test/property/**/*.test.ts"], testTimeout: 60_000 } },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["test/integration/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
          globalSetup: ["test/helpers/global-pglite-template.ts"],
          setupFiles: ["test/helpers/fail-on-console-error.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          globalSetup: ["test/e2e/global-setup.ts"],
          setupFiles: ["test/helpers/fail-on-console-error.ts"],
        },
      },
    ],
  },
});
