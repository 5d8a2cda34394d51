import type { z } from "zod";
import { ERROR_SCHEMA } from "./scim.schema";

const TYPE = "application/scim+json";

export function scimJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": TYPE, "Cache-Control": "no-store", ...headers },
  });
}

// RFC 7644 §3.12: every error is this shape, whatever went wrong.
export function scimError(status: number, detail: string, scimType?: string): Response {
  return scimJson(
    { schemas: [ERROR_SCHEMA], status: String(status), ...(scimType ? { scimType } : {}), detail },
    status,
  );
}

export async function readScimBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw scimError(400, "The body is not valid JSON.", "invalidSyntax");
  }
}

// The first problem, naming the attribute, as SCIM's invalidValue.
export function parseScim<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw scimError(400, `${issue.path.join(".") || "body"}: ${issue.message}`, "invalidValue");
}
