// The one shape every action and JSON endpoint answers with, read the same way by every form.
// Field errors are keyed by the dotted path react-hook-form uses ("ratings.ownership"); a
// refusal that belongs to no single field is under "form".
export type FieldErrors = Record<string, string>;
export type ErrorCode = "not-found" | "conflict" | "invalid" | "unauthenticated" | "forbidden" | "too-many";

export type Failure<Details extends object = Record<string, unknown>> = {
  ok: false;
  code: ErrorCode;
  errors: FieldErrors;
} & Partial<Details>;
export type Success<T extends object = object> = { ok: true } & T;
export type FormResult<T extends object = object, Details extends object = Record<string, unknown>> =
  | Success<T>
  | Failure<Details>;

export function isFailure(value: unknown): value is Failure {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;
}
