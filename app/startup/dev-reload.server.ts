import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";

// npm run dev: Remix's dev server rebuilds build/index.js on every save; this imports each new
// build and tells the dev server it is live, which reloads the open pages. Old builds stay in
// memory until the process ends (fine for a development session, never used in production).
export async function liveBuild(file: string): Promise<() => Promise<ServerBuild>> {
  const load = async () => (await import(`${pathToFileURL(file).href}?t=${fs.statSync(file).mtimeMs}`)) as ServerBuild;
  let current = await load();
  await broadcastDevReady(current);
  let pending: ReturnType<typeof setTimeout> | undefined;
  fs.watch(path.dirname(file), (_event, name) => {
    if (name !== path.basename(file)) return;
    clearTimeout(pending);
    pending = setTimeout(() => {
      load()
        .then(async (build) => {
          current = build;
          await broadcastDevReady(build);
          console.log("panel: reloaded the rebuilt app");
        })
        .catch((error: unknown) => console.error(`panel: the rebuilt app failed to load: ${(error as Error).message}`));
    }, 100);
  });
  return async () => current;
}
