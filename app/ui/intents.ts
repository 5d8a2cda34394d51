// A form's main submit button carries no intent (a plain post, a test, a form without
// JavaScript): it means the form's default action. The other buttons name theirs, and the
// schema is a discriminated union on `intent`.
export const intentOr =
  (fallback: string) =>
  (value: unknown): unknown =>
    value && typeof value === "object" && !("intent" in value && value.intent) ? { ...value, intent: fallback } : value;
