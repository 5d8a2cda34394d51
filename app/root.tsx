import { type LinksFunction, type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import {
  Links,
  LiveReload,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLoaderData,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { currentUser } from "~/auth/session.server";
import { AppShell } from "~/ui/AppShell";
import { useNonce } from "~/ui/nonce";
import styles from "~/styles/app.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = () => [{ title: "Panel" }];

export async function loader({ request }: LoaderFunctionArgs) {
  return json({ user: await currentUser(request) });
}

function Document({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { user } = useLoaderData<typeof loader>();
  return (
    <Document>
      <AppShell user={user}>
        <Outlet />
      </AppShell>
    </Document>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = isRouteErrorResponse(error)
    ? typeof error.data === "string"
      ? error.data
      : error.statusText
    : "Something went wrong on our side. Your typed notes are kept in this browser; try again in a moment.";
  return (
    <Document>
      <AppShell user={data?.user ?? null}>
        <main className="page narrow" id="main">
          <h1>
            {status === 404
              ? "Not found"
              : status === 403
                ? "Not allowed"
                : status === 503
                  ? "Temporarily unavailable"
                  : "Error"}
          </h1>
          <p role="alert">{message}</p>
          <p>
            <a href="/">Back to your home page</a>
          </p>
        </main>
      </AppShell>
    </Document>
  );
}
