import { MAX_IMPORT_BYTES } from "~/candidates/csv-import.schema";
import { SCORECARD_BODY_BYTES } from "~/scorecards/scorecard.schema";

// The most a request body may carry, refused with 413 before it is read (server.ts). Forms and
// JSON are small; the scorecard's own endpoints take the largest scorecard the schema allows
// (transcripts are read in the browser and arrive inside it); the candidate CSV import its file
// plus the multipart wrapping.
const MB = 1_000_000;
export const BODY_LIMITS = {
  form: { bytes: 1 * MB, what: "a form" },
  scorecard: { bytes: SCORECARD_BODY_BYTES, what: "a scorecard" },
  import: { bytes: MAX_IMPORT_BYTES + 1 * MB, what: "a candidate import" },
} as const;

export type BodyLimit = (typeof BODY_LIMITS)[keyof typeof BODY_LIMITS];

export function bodyLimitFor(path: string): BodyLimit {
  if (/^\/interviews\/[^/]+\/(scorecard|draft|bias)\/?$/.test(path)) return BODY_LIMITS.scorecard;
  if (/^\/candidates\/import\/?$/.test(path)) return BODY_LIMITS.import;
  return BODY_LIMITS.form;
}

export const tooLargeMessage = (limit: BodyLimit) =>
  `The request is too large: ${limit.what} may send at most ${(limit.bytes / MB).toLocaleString("en-US", { maximumFractionDigits: 1 })} MB.`;
