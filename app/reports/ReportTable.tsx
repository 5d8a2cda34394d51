import { Link } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import { STAGE_LABELS } from "~/vocabulary/stages";
import { OUTCOME_LABELS, type DecisionOutcome } from "~/vocabulary/decisions";
import { formatDate, formatDateTime, recommendationName } from "~/packets/pdf/format";
import type { RecommendationId } from "~/scorecards/rubric";
import type { loader } from "~/routes/reports";
import type { LoaderData } from "~/ui/loader-data";
import { toSearchParams } from "./filters.schema";
import { ROW_STATUS_LABELS, SORT_KEYS, SORT_LABELS, ZIP_CANDIDATE_LIMIT } from "./report";

type Result = NonNullable<LoaderData<typeof loader>["result"]>;
type Page = Result["report"]["page"];
type Filters = Result["filters"];

// One row per interview. Every column sorts on the server; choosing candidates here downloads
// their committee packets as one ZIP (a plain GET form, so it works without JavaScript too).
export function ReportTable({ page, filters, pageError }: { page: Page; filters: Filters; pageError?: string }) {
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [zipError, setZipError] = useState<string | null>(null);
  const href = (changes: Partial<Filters>) => `?${toSearchParams({ ...filters, ...changes })}`;
  const toggle = (ids: string[], on: boolean) => {
    setZipError(null);
    setChosen((current) => {
      const next = new Set(current);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  };
  // "Choose all" covers the candidates on this page (a candidate has a row per interview).
  const onPage = [...new Set(page.rows.map((row) => row.candidate_id))];
  const chosenOnPage = onPage.filter((id) => chosen.has(id)).length;
  const chooseAll = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (chooseAll.current) chooseAll.current.indeterminate = chosenOnPage > 0 && chosenOnPage < onPage.length;
  }, [chosenOnPage, onPage.length]);

  return (
    <section aria-labelledby="rows-heading">
      <div className="section-head">
        <h2 id="rows-heading">Interviews ({page.total.toLocaleString("en-US")})</h2>
        <form
          id="packets-zip"
          method="get"
          action="/reports.zip"
          className="actions"
          onSubmit={(event) => {
            if (chosen.size === 0) {
              event.preventDefault();
              setZipError("Choose at least one candidate in the table first.");
            } else if (chosen.size > ZIP_CANDIDATE_LIMIT) {
              event.preventDefault();
              setZipError(`At most ${ZIP_CANDIDATE_LIMIT} candidates per ZIP.`);
            }
          }}
        >
          <button type="submit" className="secondary" aria-describedby={zipError ? "zip-error" : undefined}>
            Download packets (ZIP{chosen.size ? `, ${chosen.size} candidate${chosen.size === 1 ? "" : "s"}` : ""})
          </button>
        </form>
      </div>
      {zipError ? (
        <p className="field-error" id="zip-error" role="alert">
          {zipError}
        </p>
      ) : null}
      {page.rows.length === 0 && !pageError ? (
        <p className="empty">No interviews match these filters.</p>
      ) : (
        <div className="table-wrap">
          <table className="report-table">
            <caption className="sr-only">Interviews matching the filters; column headers sort the table</caption>
            <thead>
              <tr>
                <th scope="col">
                  <input
                    ref={chooseAll}
                    type="checkbox"
                    checked={onPage.length > 0 && chosenOnPage === onPage.length}
                    onChange={(event) => toggle(onPage, event.target.checked)}
                    aria-label="Choose every candidate on this page for the packet ZIP"
                  />
                </th>
                {SORT_KEYS.map((key) => {
                  const active = filters.sort === key;
                  const dir = active && filters.dir === "asc" ? "desc" : "asc";
                  return (
                    <th
                      key={key}
                      scope="col"
                      aria-sort={active ? (filters.dir === "asc" ? "ascending" : "descending") : undefined}
                    >
                      <Link to={href({ sort: key, dir, page: 1 })} preventScrollReset>
                        {SORT_LABELS[key]}
                        {key === "date" || key === "submitted" ? " (UTC)" : ""}
                        {active ? <span aria-hidden="true">{filters.dir === "asc" ? " ▲" : " ▼"}</span> : null}
                      </Link>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <tr key={row.interview_id}>
                  <td>
                    <input
                      type="checkbox"
                      form="packets-zip"
                      name="candidate"
                      value={row.candidate_id}
                      checked={chosen.has(row.candidate_id)}
                      onChange={(event) => toggle([row.candidate_id], event.target.checked)}
                      aria-label={`Choose ${row.candidate_name} for the packet ZIP`}
                    />
                  </td>
                  <td>
                    <Link to={`/candidates/${row.candidate_id}`}>{row.candidate_name}</Link>
                  </td>
                  <td>{row.position_title}</td>
                  <td>{STAGE_LABELS[row.stage]}</td>
                  <td>{row.interviewer_name}</td>
                  <td className="nowrap">{formatDateTime(new Date(row.scheduled_at))}</td>
                  <td className="nowrap">{row.submitted_at ? formatDate(new Date(row.submitted_at)) : "—"}</td>
                  <td>
                    <span className={`badge ${row.status}`}>{ROW_STATUS_LABELS[row.status]}</span>
                  </td>
                  <td>
                    {row.recommendation ? recommendationName(row.recommendation as RecommendationId) : "—"}
                    {row.red_flags && Object.keys(row.red_flags).length ? (
                      <div className="muted">
                        {Object.keys(row.red_flags).length} red flag{Object.keys(row.red_flags).length === 1 ? "" : "s"}
                      </div>
                    ) : null}
                  </td>
                  <td>
                    {row.decision ? (
                      OUTCOME_LABELS[row.decision as DecisionOutcome]
                    ) : (
                      <span className="muted">Pending</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <nav className="pager" aria-label="Pages">
        {filters.page > 1 && !pageError ? <Link to={href({ page: filters.page - 1 })}>← Previous</Link> : null}
        <span>
          Page {filters.page} of {page.pages}
        </span>
        {filters.page < page.pages ? <Link to={href({ page: filters.page + 1 })}>Next →</Link> : null}
        {pageError ? (
          <span className="field-error" role="alert">
            {pageError}. <Link to={href({ page: page.pages })}>Go to the last page</Link>
          </span>
        ) : null}
      </nav>
    </section>
  );
}
