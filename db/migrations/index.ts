import type { Migration } from "kysely";
import * as foundation from "./2026-11-23-01-foundation";

// Listed statically rather than read from disk so the same list works in the Remix server
// bundle, under tsx and in tests (docs/decisions/002).
export const migrations: Record<string, Migration> = {
  "2026-11-23-01-foundation": foundation,
};
