import { z } from "zod";

// Building blocks for the setup forms. Browser-safe: each form validates with the same schema
// in react-hook-form and in its action, where a url-encoded post carries only strings.

// A checkbox group posts its key once per ticked box (or not at all); the browser form gives
// an array. Both arrive here as an array.
export function listOf<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (value) => (value === undefined || value === null || value === false ? [] : Array.isArray(value) ? value : [value]),
    z.array(item),
  );
}

// A lone checkbox: "on" from a plain form post, true from react-hook-form.
export const checkbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

export const requiredText = (message: string, max = 200) =>
  z
    .string({ error: message })
    .trim()
    .min(1, { error: message })
    .max(max, { error: `At most ${max} characters` });

// Optional text fields post "" when left empty; the server stores null.
export const optionalText = (max = 200) =>
  z
    .string()
    .trim()
    .max(max, { error: `At most ${max} characters` })
    .default("");

// Generated when the form is shown; a second post with the same key finds the first record.
export const idempotencyKey = z.uuid({ error: "This form has expired: reload the page and submit again" });

export const emptyToNull = (value: string) => (value === "" ? null : value);
