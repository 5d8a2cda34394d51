import { json } from "@remix-run/node";
import { health } from "~/startup/health.server";

export async function loader() {
  const report = await health();
  return json(report, { status: report.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } });
}
