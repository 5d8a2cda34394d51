import { json } from "@remix-run/node";
import { pingDatabase } from "~db/index.server";

export async function loader() {
  const health = await pingDatabase();
  return json(
    health.ok ? { ok: true, db: health.dialect } : { ok: false, db: health.dialect, error: "database unreachable" },
    {
      status: health.ok ? 200 : 503,
      headers: { "Cache-Control": "no-store" },
    },
  );
}
