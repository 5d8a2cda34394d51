import net from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHILD_TEST_TIMEOUT_MS, runChild } from "../../helpers/run";

const root = path.resolve(import.meta.dirname, "../../..");

// A port nothing listens on: bind one, then let it go.
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function startServer(databaseUrl: string) {
  const port = await closedPort();
  return runChild(path.join(root, "node_modules/.bin/tsx"), ["server.ts"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port) },
  });
}

describe("starting the server against a database it cannot use", () => {
  it(
    "exits 1 with one line naming the unreachable URL, password masked",
    async () => {
      const port = await closedPort();
      const run = await startServer(`postgres://panel:s3cret-pw@127.0.0.1:${port}/panel`);
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        `panel: Cannot reach the database at postgres://panel:****@127.0.0.1:${port}/panel: connect ECONNREFUSED 127.0.0.1:${port}\n`,
      );
      expect(run.stdout).toBe("");
    },
    CHILD_TEST_TIMEOUT_MS,
  );

  it(
    "exits 1 with one line naming a malformed URL, password masked",
    async () => {
      const run = await startServer("postgres://panel:s3cret-pw@db.internal:no-port/panel");
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        "panel: DATABASE_URL is not a valid URL: postgres://panel:****@db.internal:no-port/panel\n",
      );
    },
    CHILD_TEST_TIMEOUT_MS,
  );
});
