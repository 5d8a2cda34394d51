import { type LoaderFunctionArgs, type MetaFunction, json } from "@remix-run/node";
import { useLoaderData, useLocation } from "@remix-run/react";
import { requireRole } from "~/auth/guard.server";
import { toSearchParams } from "~/reports/filters.schema";
import { ReportFilterForm } from "~/reports/ReportFilters";
import { CalibrationSection, FeedbackSection, SummarySection } from "~/reports/ReportSections";
import { ReportTable } from "~/reports/ReportTable";
import { reportView } from "~/reports/reports.server";

export const meta: MetaFunction = () => [{ title: "Reports · Panel" }];

// The report as this viewer may see it; bad filters come back beside the fields with a 400.
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "recruiter", "admin");
  const view = await reportView(user.id, new URL(request.url).searchParams, new Date());
  return json(view, { status: Object.keys(view.errors).length ? 400 : 200 });
}

export default function Reports() {
  const { options, values, errors, result } = useLoaderData<typeof loader>();
  const location = useLocation();
  // The exports carry the same filters (and sort) as the page, not its page number.
  const exportQuery = result ? toSearchParams({ ...result.filters, page: 1 }) : new URLSearchParams();
  const suffix = exportQuery.size ? `?${exportQuery}` : "";
  const forExcel = new URLSearchParams(exportQuery);
  forExcel.set("bom", "1");
  const pageError = (errors as { page?: string }).page;
  return (
    <main className="page wide" id="main">
      <div className="page-head">
        <div>
          <h1>Reports</h1>
          <p className="lead">Where every candidate stands, what feedback is missing, and how the panel rates.</p>
        </div>
        {result ? (
          <div className="actions" aria-label="Exports">
            <a className="button" href={`/reports.csv${suffix}`} download>
              Download CSV
            </a>
            <a className="button secondary" href={`/reports.csv?${forExcel}`} download>
              CSV for Excel
            </a>
            <a className="button secondary" href={`/reports.pdf${suffix}`} download>
              PDF report
            </a>
          </div>
        ) : null}
      </div>
      <ReportFilterForm key={location.search} options={options} values={values} serverErrors={errors} />
      {result ? (
        <>
          <SummarySection summary={result.report.summary} />
          <FeedbackSection feedback={result.report.feedback} overdueTotal={result.report.summary.overdue} />
          <ReportTable page={result.report.page} filters={result.filters} pageError={pageError} />
          <CalibrationSection raters={result.report.calibration} />
        </>
      ) : (
        <p className="form-error" role="alert">
          The report needs valid filters: see the messages above.
        </p>
      )}
    </main>
  );
}
