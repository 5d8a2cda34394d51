// Not nested under auth.oidc.ts (the trailing underscore): its loader redirects every GET to /login.
import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { finishSignIn } from "~/auth/oidc/sign-in.server";
import { atEdge } from "~/errors.server";
import type { Failure } from "~/ui/form-result";

export const meta: MetaFunction = () => [{ title: "Single sign-on · Panel" }];

// The provider sends the browser back here; a refusal is a page that says why, not an error.
export async function loader({ request }: LoaderFunctionArgs) {
  return atEdge(async () => {
    const { redirectTo, cookies } = await finishSignIn(request);
    const headers = new Headers();
    for (const cookie of cookies) headers.append("Set-Cookie", cookie);
    return redirect(redirectTo, { headers });
  });
}

export default function SignInRefused() {
  const { errors } = useLoaderData<Failure>();
  return (
    <main className="page narrow" id="main">
      <h1>You are not signed in</h1>
      <p className="notice" role="alert">
        {errors.form}
      </p>
      <p>
        <Link to="/login">Back to the sign-in page</Link>
      </p>
    </main>
  );
}
