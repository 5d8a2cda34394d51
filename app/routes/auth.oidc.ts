import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { beginSignIn } from "~/auth/oidc/sign-in.server";
import { atEdge } from "~/errors.server";

// The login page's "Sign in with …" button posts here; off to the provider with state, nonce and PKCE.
export async function action({ request }: ActionFunctionArgs) {
  const redirectTo = (await request.formData()).get("redirectTo");
  return atEdge(async () => {
    const { url, cookie } = await beginSignIn(typeof redirectTo === "string" ? redirectTo : null);
    return redirect(url, { headers: { "Set-Cookie": cookie } });
  });
}

export async function loader() {
  return redirect("/login");
}
