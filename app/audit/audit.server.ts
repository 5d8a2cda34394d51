import { z } from "zod";
import { getDb } from "~db/index.server";
import { auditFacets, auditNames, listAudit } from "~db/queries/audit";
import { auditSentence } from "./sentence";
import { fieldErrors, type FieldErrors } from "~/ui/form.server";

export const AUDIT_PAGE_SIZE = 50;

const day = z.union([z.literal(""), z.iso.date({ error: "Use a date such as 2026-01-31" })]).default("");

// The filter arrives as query parameters (a GET form, so a filtered view can be bookmarked).
export const auditFilterSchema = z
  .object({
    actor: z.union([z.literal(""), z.uuid({ error: "Choose a person from the list" })]).default(""),
    action: z.string().max(100, { error: "At most 100 characters" }).default(""),
    from: day,
    to: day,
    before: z.union([z.literal(""), z.coerce.number().int().positive()]).default(""),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, {
    path: ["to"],
    error: "The end date must not be before the start date",
  });
export type AuditFilterValues = z.output<typeof auditFilterSchema>;

export type AuditPage = Awaited<ReturnType<typeof readAudit>>;

// One page of the append-only log for the admin page. Dates are whole UTC days, "to" included.
export async function readAudit(params: URLSearchParams) {
  const parsed = auditFilterSchema.safeParse(Object.fromEntries(params));
  const filter: AuditFilterValues = parsed.success
    ? parsed.data
    : { actor: "", action: "", from: "", to: "", before: "" };
  const errors: FieldErrors | null = parsed.success ? null : fieldErrors(parsed.error);
  const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000);
  const rows = errors
    ? []
    : await listAudit(
        getDb(),
        {
          actorId: filter.actor || undefined,
          action: filter.action || undefined,
          from: filter.from ? new Date(`${filter.from}T00:00:00Z`) : undefined,
          to: filter.to ? nextDay(filter.to) : undefined,
          before: filter.before || undefined,
        },
        AUDIT_PAGE_SIZE + 1,
      );
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  const names = await auditNames(getDb(), page);
  return {
    filter,
    errors,
    entries: page.map((r) => ({
      ...r,
      at: r.at.toISOString(),
      sentence: auditSentence(
        {
          action: r.action,
          actorId: r.actor_id,
          subjectType: r.subject_type,
          subjectId: r.subject_id,
          details: r.details,
        },
        names,
      ),
    })),
    olderThan: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1].id : null,
    facets: await auditFacets(getDb()),
  };
}
