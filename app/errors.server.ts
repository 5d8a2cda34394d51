import { json, type TypedResponse } from "@remix-run/node";
import type { ErrorCode, Failure, FieldErrors } from "~/ui/form-result";

const STATUS: Record<ErrorCode, number> = {
  "not-found": 404,
  conflict: 409,
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  "too-many": 429,
};

// Server modules speak the domain and throw this; `atEdge` maps it to a reply in one place.
// `details.fields` puts the message on named fields; the other details travel with the reply (e.g.
// the newer version a conflict was about) for the page that knows what to do with it.
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: FieldErrors } & Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const statusOf = (code: ErrorCode) => STATUS[code];

// A refusal that says when to try again (`retryAfterSeconds`) says it in the header too, for clients
// that read only the status line.
export function failure(code: ErrorCode, errors: FieldErrors, details: Record<string, unknown> = {}) {
  const retry = details.retryAfterSeconds;
  const headers: HeadersInit = typeof retry === "number" ? { "Retry-After": String(retry) } : {};
  return json<Failure>({ ok: false, code, errors, ...details }, { status: STATUS[code], headers });
}

// The schema's refusal: field errors with a 400, the same shape a domain refusal has.
export function invalid(errors: FieldErrors) {
  return failure("invalid", errors);
}

// Every loader and action runs its server call through this. A missing row is the 404 page (an id
// that is not yours is indistinguishable from one that does not exist); any other refusal is a
// Failure reply with its status, which forms show above or beside their fields.
export async function atEdge<T>(work: () => Promise<T>): Promise<T | TypedResponse<Failure>> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "not-found") throw new Response(error.message, { status: 404 });
    const { fields, ...details } = error.details;
    return failure(error.code, fields && Object.keys(fields).length ? fields : { form: error.message }, details);
  }
}

// For loaders: a page has no form to show a refusal on, so any refusal is its error page, with
// its status (a missing row is the 404 page, as in `atEdge`).
export async function pageAtEdge<T>(work: () => Promise<T>): Promise<Awaited<T>> {
  const result = await atEdge(work);
  if (result instanceof Response) throw result;
  return result as Awaited<T>; // a page's own data is never a Response
}
