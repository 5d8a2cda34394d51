import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite } from "~db/index.server";
import { CHILD_TEST_TIMEOUT_MS, runChild } from "../../helpers/run";

const root = path.resolve(import.meta.dirname, "../../..");
const tsx = path.join(root, "node_modules/.bin/tsx");
const folders: string[] = [];
const newFolder = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "panel-lock-"));
  folders.push(dir);
  return dir;
};
afterAll(() => folders.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

// Another process opening the folder, as a second `npm start` or a CLI command would.
function openInAnotherProcess(dir: string) {
  const script = `import(${JSON.stringify(path.join(root, "db/index.server.ts"))})
    .then(({ openPglite }) => openPglite(process.env.PANEL_DIR))
    .then((database) => { console.log("opened"); return database.close(); }, (error) => { console.log(error.message); process.exitCode = 3; })`;
  return runChild(tsx, ["-e", script], { cwd: root, env: { ...process.env, PANEL_DIR: dir } });
}

describe("the PGlite data folder lock", () => {
  it(
    "refuses a second process while the folder is open, and lets it in once closed",
    async () => {
      const dir = newFolder();
      const database = await openPglite(dir);
      try {
        const refused = await openInAnotherProcess(dir);
        expect(refused.code).toBe(3);
        expect(refused.stdout.trim()).toBe(
          `The data folder ${dir} is in use by another Panel process (pid ${process.pid}). Stop it first, or set PGLITE_DIR to another folder.`,
        );
      } finally {
        await database.close();
      }
      const later = await openInAnotherProcess(dir);
      expect(later.stdout.trim()).toBe("opened");
      expect(later.code).toBe(0);
    },
    2 * CHILD_TEST_TIMEOUT_MS,
  );

  it("refuses a second open of the same folder within one process", async () => {
    const dir = newFolder();
    const database = await openPglite(dir);
    try {
      await expect(openPglite(dir)).rejects.toThrow(`The data folder ${dir} is already open in this process.`);
    } finally {
      await database.close();
    }
  });

  it("takes over a lock left behind by a process that died", async () => {
    const dir = newFolder();
    const child = spawn(process.execPath, ["-e", ""]);
    const dead = child.pid!;
    await new Promise((resolve) => child.on("close", resolve));
    fs.writeFileSync(path.join(dir, "panel.lock"), String(dead));
    const database = await openPglite(dir);
    try {
      expect(fs.readFileSync(path.join(dir, "panel.lock"), "utf8")).toBe(String(process.pid));
    } finally {
      await database.close();
    }
    expect(fs.existsSync(path.join(dir, "panel.lock"))).toBe(false);
  });
});
