import { zodResolver } from "@hookform/resolvers/zod";
import { Form, Link, useNavigate } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { INTERVIEW_STAGES, STAGE_LABELS } from "~/vocabulary/stages";
import { DECISION_OUTCOMES, OUTCOME_LABELS } from "~/vocabulary/decisions";
import { RECOMMENDATIONS, RED_FLAG_CATEGORIES } from "~/scorecards/rubric";
import { Field } from "~/ui/form";
import {
  FILTER_FIELDS,
  reportFiltersSchema,
  toSearchParams,
  type ReportFilterInput,
  type ReportFilters,
} from "./filters.schema";
import { ROW_STATUSES, ROW_STATUS_LABELS } from "./report";

type Options = {
  positions: { id: string; title: string }[];
  interviewers: { id: string; name: string }[];
  redFlagTitles: Record<string, string>;
};
type Values = Record<(typeof FILTER_FIELDS)[number] | "sort" | "dir", string>;

// A GET form: the filters end up in the URL, so a report can be bookmarked and shared. With
// JavaScript the same schema checks it first; without, the loader does and says what is wrong.
export function ReportFilterForm({
  options,
  values,
  serverErrors,
}: {
  options: Options;
  values: Partial<Values>;
  serverErrors: Partial<Record<string, string>>;
}) {
  const navigate = useNavigate();
  const defaults = Object.fromEntries(
    [...FILTER_FIELDS, "sort", "dir"].map((key) => [key, values[key as keyof Values] ?? ""]),
  ) as Values;
  const form = useForm<ReportFilterInput, unknown, ReportFilters>({
    resolver: zodResolver(reportFiltersSchema),
    defaultValues: defaults,
  });
  const error = (key: keyof Values) =>
    form.formState.errors[key] ?? (serverErrors[key] ? { message: serverErrors[key] } : undefined);

  const select = (key: keyof Values, label: string, choices: [string, string][], any: string) => (
    <Field id={`filter-${key}`} label={label} error={error(key)}>
      {(aria) => (
        <select {...aria} {...form.register(key)}>
          <option value="">{any}</option>
          {choices.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <Form
      method="get"
      noValidate
      className="card report-filters"
      aria-label="Report filters"
      onSubmit={(event) => {
        event.preventDefault();
        // Only what is set goes into the URL; a new filter starts again at page 1.
        void form.handleSubmit((filters) => navigate(`?${toSearchParams({ ...filters, page: 1 })}`))(event);
      }}
    >
      <div className="field-row">
        <Field id="filter-from" label="From (interview date)" error={error("from")}>
          {(aria) => <input type="date" {...aria} {...form.register("from")} />}
        </Field>
        <Field id="filter-to" label="To" error={error("to")}>
          {(aria) => <input type="date" {...aria} {...form.register("to")} />}
        </Field>
        <p className="field-note">
          <Link to={`?${toSearchParams({ ...defaults, from: "", to: "", range: "all", page: 1 })}`}>All time</Link>
        </p>
        {select(
          "position",
          "Position",
          options.positions.map((p) => [p.id, p.title]),
          "Any position",
        )}
        {select(
          "stage",
          "Stage",
          INTERVIEW_STAGES.map((s) => [s, STAGE_LABELS[s]]),
          "Any stage",
        )}
        {select(
          "interviewer",
          "Interviewer",
          options.interviewers.map((u) => [u.id, u.name]),
          "Anyone",
        )}
      </div>
      <div className="field-row">
        {select(
          "status",
          "Scorecard",
          ROW_STATUSES.map((s) => [s, ROW_STATUS_LABELS[s]]),
          "Any status",
        )}
        {select(
          "recommendation",
          "Recommendation",
          RECOMMENDATIONS.map((r) => [r.id, r.label]),
          "Any recommendation",
        )}
        {select(
          "redFlag",
          "Red flag",
          RED_FLAG_CATEGORIES.map((c) => [c, options.redFlagTitles[c] ?? c]),
          "Any or none",
        )}
        {select(
          "decision",
          "Decision",
          [...DECISION_OUTCOMES.map((d): [string, string] => [d, OUTCOME_LABELS[d]]), ["none", "No decision yet"]],
          "Any decision",
        )}
      </div>
      <input type="hidden" {...form.register("range")} />
      <input type="hidden" {...form.register("sort")} />
      <input type="hidden" {...form.register("dir")} />
      <div className="actions">
        <button type="submit">Apply filters</button>
        <Link className="button secondary" to="/reports">
          Clear
        </Link>
      </div>
    </Form>
  );
}
