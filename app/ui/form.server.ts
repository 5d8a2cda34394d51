import type { z } from "zod";

export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

// Field errors keyed by the dotted path react-hook-form uses ("ratings.ownership").
export function fieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    errors[key] ??= issue.message;
  }
  return errors;
}

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: fieldErrors(result.error) };
}

// Forms post either url-encoded (works without JavaScript) or JSON (nested values).
export async function readBody(request: Request): Promise<unknown> {
  const type = request.headers.get("Content-Type") ?? "";
  if (type.includes("application/json")) {
    try {
      return await request.json();
    } catch {
      throw new Response("The request body is not valid JSON.", { status: 400 });
    }
  }
  return Object.fromEntries(await request.formData());
}

export async function parseRequest<S extends z.ZodType>(request: Request, schema: S): Promise<Parsed<z.output<S>>> {
  return parseWith(schema, await readBody(request));
}
