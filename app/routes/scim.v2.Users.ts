import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireScimToken } from "~/auth/scim/tokens.server";
import { parseScim, readScimBody, scimError, scimJson } from "~/auth/scim/respond.server";
import { listQuerySchema, scimUserSchema } from "~/auth/scim/scim.schema";
import { createScimUser, listUsers } from "~/auth/scim/users.server";

// SCIM 2.0 (RFC 7644) for the company's identity provider, not for browsers: bearer token only.
export async function loader({ request }: LoaderFunctionArgs) {
  await requireScimToken(request);
  const url = new URL(request.url);
  const query = listQuerySchema.safeParse(Object.fromEntries(url.searchParams));
  if (!query.success) return scimError(400, `filter: ${query.error.issues[0].message}`, "invalidFilter");
  return scimJson(await listUsers(query.data));
}

export async function action({ request }: ActionFunctionArgs) {
  const tokenId = await requireScimToken(request);
  if (request.method !== "POST") return scimError(405, `${request.method} is not supported on /Users.`);
  const user = await createScimUser(parseScim(scimUserSchema, await readScimBody(request)), { tokenId });
  return scimJson(user, 201, { Location: user.meta.location });
}
