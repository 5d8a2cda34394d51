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

// A form that stays on its page after success needs the next key at once: the page's reload brings
// one too, but the user can submit again before it arrives. crypto.randomUUID exists only on https or
// localhost, getRandomValues everywhere.
export function nextIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20)].join("-");
}

export const emptyToNull = (value: string) => (value === "" ? null : value);
