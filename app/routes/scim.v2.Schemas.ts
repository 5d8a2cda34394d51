import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireScimToken } from "~/auth/scim/tokens.server";
import { scimJson } from "~/auth/scim/respond.server";
import { schemas } from "~/auth/scim/metadata.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireScimToken(request);
  return scimJson(schemas());
}
