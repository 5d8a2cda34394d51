import { type LoaderFunctionArgs, json } from "@remix-run/node";
import { requireRole } from "~/auth/guard.server";
import { pageAtEdge } from "~/errors.server";
import { kitPage } from "./kit-editor.server";

// The loader of a kit's page and of its editor: admins only, and the same kit data for both.
export async function kitPageLoader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  return json(await pageAtEdge(() => kitPage(params.kitId ?? "")));
}
