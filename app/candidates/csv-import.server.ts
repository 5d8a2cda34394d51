import { parse } from "csv-parse/sync";
import { getDb } from "~db/index.server";
import { appendAudit } from "~db/queries/audit";
import { findCandidateByEmail, insertCandidate } from "~db/queries/candidates";
import { findPosition } from "~db/queries/positions";
import type { SessionUser } from "~db/queries/users";
import type { Conn } from "~db/schema";
import { DomainError } from "~/errors.server";
import { levelNamed, levelOutsideRange } from "~/positions/levels";
import { candidateFields } from "./candidate.schema";
import { candidateValues } from "./candidates.server";
import { hasProblems, MAX_IMPORT_ROWS, type ImportData, type Preview, type PreviewRow } from "./csv-import.schema";
import { earlierSubmission, isUniqueViolation, once, submissionKey } from "~/startup/once.server";

// Columns a recruiter's spreadsheet may have; header names are matched loosely.
const COLUMNS = { name: "name", email: "email", level: "levelApplied", source: "source", cv_url: "cvUrl" } as const;
const ALIASES: Record<string, keyof typeof COLUMNS> = {
  cv: "cv_url",
  cvurl: "cv_url",
  "cv link": "cv_url",
  "level applied": "level",
  level_applied: "level",
};

function header(name: string): string {
  const key = name.trim().toLowerCase();
  return ALIASES[key] ?? key;
}

function readRows(text: string): { rows: Record<string, string>[] } | { error: string } {
  try {
    const rows = parse(text, {
      bom: true,
      columns: (names: string[]) => names.map(header),
      skip_empty_lines: true,
      trim: true,
    }) as Record<string, string>[];
    return { rows };
  } catch (error) {
    // csv-parse names the line in its message ("Invalid Closing Quote: … at line 4").
    return { error: `The file is not valid CSV: ${(error as Error).message}` };
  }
}

// Every problem of every row, before anything is written; what the preview button shows.
export async function previewImport({ positionId, csv }: ImportData) {
  const preview = await check(getDb(), positionId, csv);
  return { preview, csv, positionId };
}

async function check(db: Conn, positionId: string, text: string): Promise<Preview> {
  const empty = (fileError: string): Preview => ({ fileError, rows: [], positionError: null });
  const position = await findPosition(db, positionId);
  const positionError = !position
    ? "Choose one of the positions listed"
    : position.status === "closed"
      ? `${position.title} is closed to new candidates`
      : null;
  const read = readRows(text);
  if ("error" in read) return empty(read.error);
  if (read.rows.length === 0) return empty("The file has a header but no candidates");
  if (read.rows.length > MAX_IMPORT_ROWS)
    return empty(`At most ${MAX_IMPORT_ROWS} candidates per import; this file has ${read.rows.length}`);
  const columns = Object.keys(read.rows[0]);
  const unknown = columns.filter((c) => !(c in COLUMNS));
  if (unknown.length)
    return empty(`Unknown column ${unknown.map((c) => `"${c}"`).join(", ")}: use ${Object.keys(COLUMNS).join(", ")}`);
  if (!columns.includes("name") || !columns.includes("email"))
    return empty("The first line must name the columns, with at least name and email");

  const seen = new Map<string, number>();
  const rows: PreviewRow[] = [];
  for (const [index, raw] of read.rows.entries()) {
    const line = index + 2; // the header is line 1
    const input = Object.fromEntries(Object.entries(COLUMNS).map(([column, field]) => [field, raw[column] ?? ""]));
    input.levelApplied = levelNamed(input.levelApplied);
    const row: PreviewRow = {
      line,
      name: input.name,
      email: input.email,
      levelApplied: input.levelApplied,
      source: input.source,
      cvUrl: input.cvUrl,
      errors: [],
    };
    const parsed = candidateFields.safeParse(input);
    if (!parsed.success)
      row.errors.push(...parsed.error.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`));
    const email = input.email.toLowerCase();
    if (email && seen.has(email)) row.errors.push(`email: also on line ${seen.get(email)} of this file`);
    else seen.set(email, line);
    if (position && parsed.success) {
      const outside = levelOutsideRange(parsed.data.levelApplied, position);
      if (outside) row.errors.push(`level: ${outside}`);
      const existing = await findCandidateByEmail(db, position.id, email);
      if (existing) row.errors.push(`email: ${existing.name} already applied for this position`);
    }
    rows.push(row);
  }
  return { fileError: null, rows, positionError };
}

// All or nothing: one transaction, re-checked at commit; any problem writes no row at all and
// the refusal carries the preview that shows each problem.
export async function commitImport(actor: SessionUser, data: ImportData): Promise<number> {
  const { positionId, csv, idempotencyKey } = data;
  const db = getDb();
  const submission = submissionKey(actor.id, { idempotencyKey, positionId, text: csv });
  const earlier = await earlierSubmission(db, submission);
  if (earlier) return Number(earlier);
  const preview = await check(db, positionId, csv);
  if (hasProblems(preview)) throw refused(preview, data);
  try {
    const { id } = await db.transaction().execute(async (tx) =>
      once(tx, submission, async () => {
        for (const row of preview.rows) {
          const values = candidateValues({ ...candidateFields.parse(row), positionId });
          const id = await insertCandidate(tx, values);
          await appendAudit(tx, {
            actorId: actor.id,
            action: "candidate.create",
            subjectType: "candidate",
            subjectId: id,
            details: { before: null, after: values, via: "csv-import" },
          });
        }
        return String(preview.rows.length); // a repeated post reports the same count
      }),
    );
    return Number(id);
  } catch (error) {
    // Someone added one of these emails between the check and the commit.
    if (isUniqueViolation(error)) throw refused(await check(db, positionId, csv), data);
    throw error;
  }
}

const refused = (preview: Preview, { csv, positionId }: ImportData) =>
  new DomainError("invalid", "Some rows have problems: nothing was imported.", {
    fields: preview.positionError ? { positionId: preview.positionError } : {},
    preview,
    csv,
    positionId,
  });
