import { json } from "@remix-run/node";

export type DomainErrorCode = "not-found" | "conflict" | "invalid" | "forbidden";
const STATUS: Record<DomainErrorCode, number> = { "not-found": 404, conflict: 409, invalid: 400, forbidden: 403 };

// Server modules speak the domain and throw this; routes map it to a status in one place.
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export async function respondToDomainErrors<T>(work: () => Promise<T>): Promise<T | ReturnType<typeof json>> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return json({ error: { code: error.code, message: error.message, ...error.details } }, { status: STATUS[error.code] });
  }
}

// For loaders: a domain "not found" becomes the 404 page; everything else propagates.
export async function notFoundOnDomainError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DomainError && error.code === "not-found") throw new Response(error.message, { status: 404 });
    throw error;
  }
}
