import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { requireScimToken } from "~/auth/scim/tokens.server";
import { parseScim, readScimBody, scimError, scimJson } from "~/auth/scim/respond.server";
import { scimPatchSchema, scimUserSchema } from "~/auth/scim/scim.schema";
import { deleteScimUser, getScimUser, patchScimUser, replaceScimUser } from "~/auth/scim/users.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireScimToken(request);
  return scimJson(await getScimUser(params.userId ?? ""));
}

// PUT replaces, PATCH applies operations, DELETE deactivates (what they did stays in Panel).
export async function action({ request, params }: ActionFunctionArgs) {
  const tokenId = await requireScimToken(request);
  const id = params.userId ?? "";
  switch (request.method) {
    case "PUT":
      return scimJson(await replaceScimUser(id, parseScim(scimUserSchema, await readScimBody(request)), { tokenId }));
    case "PATCH":
      return scimJson(await patchScimUser(id, parseScim(scimPatchSchema, await readScimBody(request)), { tokenId }));
    case "DELETE":
      await deleteScimUser(id, { tokenId });
      return new Response(null, { status: 204 });
    default:
      return scimError(405, `${request.method} is not supported on a User.`);
  }
}
