import fs from "node:fs";
import path from "node:path";

export class DataDirInUseError extends Error {}

// Folders this process holds: a lock file with our own pid is ours only if listed here;
// otherwise it was left by an earlier process that had the same pid (a container restart).
const held = new Set<string>();

// Two processes on one PGlite folder corrupt it, and PGlite itself does not stop the second:
// take a pid file and refuse a second opener while the first is alive.
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const lockPath = path.join(dir, "panel.lock");
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      held.add(lockPath);
      return () => {
        held.delete(lockPath);
        try {
          if (fs.readFileSync(lockPath, "utf8") === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // already gone
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const owner = Number(fs.readFileSync(lockPath, "utf8"));
      if (owner === process.pid && held.has(lockPath)) {
        throw new DataDirInUseError(`The data folder ${dir} is already open in this process.`);
      }
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new DataDirInUseError(
          `The data folder ${dir} is in use by another Panel process (pid ${owner}). Stop it first, or set PGLITE_DIR to another folder.`,
        );
      }
      fs.unlinkSync(lockPath); // left behind by a process that died
    }
  }
  throw new DataDirInUseError(`Could not lock the data folder ${dir}.`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
