import { pingDatabase } from "~db/index.server";

// What /healthz reports: the database answers (a load balancer takes the instance out when not).
export async function health() {
  const { ok, dialect } = await pingDatabase();
  return ok ? { ok: true, db: dialect } : { ok: false, db: dialect, error: "database unreachable" };
}
