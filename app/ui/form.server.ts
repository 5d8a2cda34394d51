import type { z } from "zod";

import type { FieldErrors } from "~/ui/form-result";
export type { FieldErrors };
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

// PostgreSQL stores neither NUL (text, jsonb) nor a lone UTF-16 surrogate (jsonb): a pasted
// transcript carrying one would make the write fail with a 500. Neither means anything in
// typed text, so they are dropped (NUL) or replaced (U+FFFD) as the input arrives.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
export function storable<T>(value: T): T {
  if (typeof value === "string") return value.replaceAll("\u0000", "").replace(LONE_SURROGATE, "\uFFFD") as T;
  if (Array.isArray(value)) return value.map(storable) as T;
  if (value && typeof value === "object" && !(value instanceof Blob)) {
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, storable(v)])) as T;
  }
  return value;
}

// Forms post either url-encoded (works without JavaScript) or JSON (nested values).
export async function readBody(request: Request): Promise<unknown> {
  const type = request.headers.get("Content-Type") ?? "";
  if (type.includes("application/json")) {
    try {
      return storable(await request.json());
    } catch {
      throw new Response("The request body is not valid JSON.", { status: 400 });
    }
  }
  return storable(Object.fromEntries(await request.formData()));
}

export async function parseRequest<S extends z.ZodType>(request: Request, schema: S): Promise<Parsed<z.output<S>>> {
  return parseWith(schema, await readBody(request));
}

// A posted form as a plain object; a key posted more than once (a checkbox group) becomes an
// array, and an uploaded file stays a File.
export async function readForm(request: Request): Promise<Record<string, FormDataEntryValue | FormDataEntryValue[]>> {
  const form = await request.formData();
  const values: Record<string, FormDataEntryValue | FormDataEntryValue[]> = {};
  for (const key of new Set(form.keys())) {
    const all = form.getAll(key);
    values[key] = storable(all.length > 1 ? all : all[0]);
  }
  return values;
}
