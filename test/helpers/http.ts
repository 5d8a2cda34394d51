import type { AppLoadContext } from "@remix-run/node";

export const TEST_ORIGIN = "http://localhost:3000";

type RequestOptions = {
  method?: string;
  // Sent as a url-encoded form, the way a Remix <Form> posts without JavaScript.
  form?: Record<string, string>;
  json?: unknown;
  cookie?: string;
  headers?: Record<string, string>;
};

// A real Request for a loader or action, with the Origin our same-origin check expects.
export function request(path: string, { method, form, json, cookie, headers = {} }: RequestOptions = {}): Request {
  const verb = method ?? (form || json !== undefined ? "POST" : "GET");
  const all = new Headers(headers);
  if (cookie) all.set("Cookie", cookie);
  if (!["GET", "HEAD"].includes(verb) && !all.has("Origin")) all.set("Origin", TEST_ORIGIN);
  let body: BodyInit | undefined;
  if (form) body = new URLSearchParams(form);
  if (json !== undefined) {
    all.set("Content-Type", "application/json");
    body = JSON.stringify(json);
  }
  return new Request(new URL(path, TEST_ORIGIN), { method: verb, headers: all, body });
}

type RouteHandler = (args: { request: Request; params: Record<string, string>; context: AppLoadContext }) => unknown;

// Calls a loader or action and gives back the Response it returned or threw (guards throw
// redirects and 404s); plain values become JSON as Remix would send them.
export async function callRoute(
  handler: RouteHandler,
  req: Request,
  params: Record<string, string> = {},
): Promise<Response> {
  let outcome: unknown;
  try {
    outcome = await handler({ request: req, params, context: { cspNonce: "test-nonce" } });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
  return outcome instanceof Response ? outcome : Response.json(outcome);
}
