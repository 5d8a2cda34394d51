import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { signOut } from "~/auth/oidc/sign-out.server";

export async function action({ request }: ActionFunctionArgs) {
  const { location, cookie } = await signOut(request);
  return redirect(location, { headers: { "Set-Cookie": cookie } });
}

// Signing out changes state, so it is a POST only; a GET just goes home.
export async function loader() {
  return redirect("/");
}
