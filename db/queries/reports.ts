import { sql, type QueryCreator, type RawBuilder } from "kysely";
import type { Conn, DB, InterviewStage } from "../schema";
import { standingDecisions, standingOutcomeOf } from "./decisions";
import { feedbackReadableBy } from "./independence";

// The recruiter report: one row per interview that still counts (cancelled ones never do),
// with its scorecard when there is one. Ratings, recommendation, level and red flags come only
// from submitted scorecards (a draft stays its author's, as in the packet), and from the small
// report_* columns PostgreSQL derives from the content, never from the large content itself.

export type RowStatus = "submitted" | "overdue" | "draft" | "not-started";

export type ReportQueryFilters = {
  from?: Date; // first instant included
  to?: Date; // first instant excluded
  position?: string;
  stage?: InterviewStage;
  interviewer?: string;
  recommendation?: string;
  status?: RowStatus;
  redFlag?: string;
  decision?: string; // an outcome, or "none" for candidates with no decision yet
  // Not a filter: who reads the rows. Someone who still owes feedback on a candidate gets that
  // candidate's rows without the others' ratings, recommendation, level and flags (independence).
  viewer?: string;
};

export type SortKey =
  | "candidate"
  | "position"
  | "stage"
  | "interviewer"
  | "date"
  | "submitted"
  | "status"
  | "recommendation"
  | "decision";
export type ReportSort = { key: SortKey; dir: "asc" | "desc"; recommendationOrder: readonly string[] };

const interviewEnd = sql`(interviews.scheduled_at + make_interval(mins => interviews.duration_minutes))`;
const submitted = sql<boolean>`scorecards.status = 'submitted'`;
const latestDecision = sql<string | null>`(${standingOutcomeOf(sql.ref("interviews.candidate_id"))})`;
const hoursToFeedback = sql`greatest(0, extract(epoch from (scorecards.submitted_at - ${interviewEnd})) / 3600)::float8`;

// Overdue: no submitted scorecard 24 h after the interview ended. The plain bound on
// scheduled_at lets the planner use the index; the exact deadline is checked after it.
function overdue(now: Date) {
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  return sql<boolean>`(scorecards.status is distinct from 'submitted' and interviews.scheduled_at < ${dayAgo} and ${interviewEnd} + interval '24 hours' < ${now})`;
}
function beforeDeadline(now: Date) {
  return sql<boolean>`${interviewEnd} + interval '24 hours' >= ${now}`;
}
function statusOf(now: Date) {
  return sql<RowStatus>`case when ${submitted} then 'submitted' when ${overdue(now)} then 'overdue' when scorecards.status = 'draft' then 'draft' else 'not-started' end`;
}

// Each filter as a condition on one interview and its scorecard only, so that a query needing no
// names (the count, the summary) joins nothing else (PostgreSQL drops the unused left join to
// scorecards too), and calibration can ask the same question of any scorecard as a column.
function conditions(f: ReportQueryFilters, now: Date): RawBuilder<boolean>[] {
  const c: RawBuilder<boolean>[] = [];
  if (f.from) c.push(sql`interviews.scheduled_at >= ${f.from}`);
  if (f.to) c.push(sql`interviews.scheduled_at < ${f.to}`);
  if (f.position) c.push(sql`interviews.candidate_id in (select id from candidates where position_id = ${f.position})`);
  if (f.stage) c.push(sql`interviews.stage = ${f.stage}`);
  if (f.interviewer) c.push(sql`interviews.interviewer_id = ${f.interviewer}`);
  // Filtering on what a scorecard says must not reveal it to a viewer who may not read it.
  const readable = f.viewer ? sql` and ${feedbackReadableBy(f.viewer)}` : sql``;
  if (f.recommendation) c.push(sql`${submitted}${readable} and scorecards.report_recommendation = ${f.recommendation}`);
  if (f.redFlag)
    c.push(sql`${submitted}${readable} and scorecards.report_flag_categories @> ${JSON.stringify([f.redFlag])}::jsonb`);
  if (f.decision === "none")
    c.push(sql`not exists (select 1 from decisions d where d.candidate_id = interviews.candidate_id)`);
  // Once per candidate with a decision rather than once per interview: a hashed semi-join.
  else if (f.decision)
    c.push(
      sql`interviews.candidate_id in (select standing.candidate_id from ${standingDecisions()}
        where standing.outcome = ${f.decision})`,
    );
  if (f.status === "submitted") c.push(submitted);
  if (f.status === "overdue") c.push(overdue(now));
  if (f.status === "draft") c.push(sql`scorecards.status = 'draft' and ${beforeDeadline(now)}`);
  if (f.status === "not-started") c.push(sql`scorecards.id is null and ${beforeDeadline(now)}`);
  return c;
}

function filtered(db: QueryCreator<DB>, f: ReportQueryFilters, now: Date) {
  return conditions(f, now).reduce(
    (q, condition) => q.where(condition),
    db
      .selectFrom("interviews")
      .leftJoin("scorecards", "scorecards.interview_id", "interviews.id")
      .where("interviews.cancelled_at", "is", null),
  );
}

function withNames(q: ReturnType<typeof filtered>) {
  return q
    .innerJoin("candidates", "candidates.id", "interviews.candidate_id")
    .innerJoin("positions", "positions.id", "candidates.position_id")
    .innerJoin("users", "users.id", "interviews.interviewer_id");
}

// What a table row, a CSV line and a PDF row are made of.
function withRowColumns(q: ReturnType<typeof filtered>, f: ReportQueryFilters, now: Date) {
  const shown = sql<boolean>`(${submitted} and ${feedbackReadableBy(f.viewer ?? null)})`;
  return withNames(q).select([
    "interviews.id as interview_id",
    "interviews.scheduled_at",
    "interviews.duration_minutes",
    "interviews.stage",
    "interviews.candidate_id",
    "candidates.name as candidate_name",
    "positions.title as position_title",
    "interviews.interviewer_id",
    "users.name as interviewer_name",
    statusOf(now).as("status"),
    sql<Date | null>`case when ${submitted} then scorecards.submitted_at end`.as("submitted_at"),
    sql<string | null>`case when ${shown} then scorecards.report_recommendation end`.as("recommendation"),
    sql<string | null>`case when ${shown} then scorecards.report_level end`.as("level"),
    sql<Record<string, string | null> | null>`case when ${shown} then scorecards.report_ratings end`.as("ratings"),
    // category → highest severity given (the two generated arrays run in parallel).
    sql<Record<string, number> | null>`case when ${shown} then (select jsonb_object_agg(f.category, f.severity) from (
        select category, max(severity::int) as severity
        from rows from (jsonb_array_elements_text(scorecards.report_flag_categories), jsonb_array_elements_text(scorecards.report_flag_severities)) as flag(category, severity)
        group by category) f) end`.as("red_flags"),
    latestDecision.as("decision"),
  ]);
}
export type ReportRow = Awaited<ReturnType<ReturnType<typeof withRowColumns>["execute"]>>[number];

function sortExpression(sort: ReportSort, now: Date) {
  switch (sort.key) {
    case "candidate":
      return sql`candidates.name`;
    case "position":
      return sql`positions.title`;
    case "stage":
      return sql`array_position(array['phone-screen','onsite','final'], interviews.stage)`;
    case "interviewer":
      return sql`users.name`;
    case "date":
      return sql`interviews.scheduled_at`;
    case "submitted":
      return sql`case when ${submitted} then scorecards.submitted_at end`;
    case "status":
      return statusOf(now);
    case "recommendation":
      return sql`case when ${submitted} then array_position(array[${sql.join(sort.recommendationOrder.map((id) => sql`${id}::text`))}], scorecards.report_recommendation) end`;
    case "decision":
      return latestDecision;
  }
}

// The page's two queries, also handed unexecuted to the bench so it can EXPLAIN them.
export function reportCountQuery(db: Conn, f: ReportQueryFilters, now: Date) {
  return filtered(db, f, now).select(sql<number>`count(*)::int`.as("n"));
}

export function reportPageQuery(
  db: Conn,
  f: ReportQueryFilters,
  now: Date,
  sort: ReportSort,
  page: { limit: number; offset: number },
) {
  return withRowColumns(filtered(db, f, now), f, now)
    .orderBy(sortExpression(sort, now), (ob) => {
      const ordered = sort.dir === "asc" ? ob.asc() : ob.desc();
      // Empty values last either way; only where there can be any, so that "date, newest first"
      // still matches the (scheduled_at, id) index and stops after one page.
      return NULLABLE_SORTS.has(sort.key) ? ordered.nullsLast() : ordered;
    })
    .orderBy("interviews.id", sort.dir)
    .limit(page.limit)
    .offset(page.offset);
}

const NULLABLE_SORTS = new Set<SortKey>(["submitted", "recommendation", "decision"]);

export async function countReportRows(db: Conn, f: ReportQueryFilters, now: Date): Promise<number> {
  return (await reportCountQuery(db, f, now).executeTakeFirstOrThrow()).n;
}

export async function listReportPage(
  db: Conn,
  f: ReportQueryFilters,
  now: Date,
  sort: ReportSort,
  page: { limit: number; offset: number },
) {
  return reportPageQuery(db, f, now, sort, page).execute();
}

export type ReportCursor = { at: string; id: string };

// Keyset pagination in interview-date order: each call reads the rows after `after`, so an
// export of any size holds one batch in memory at a time, on PGlite (no cursors) as on PostgreSQL.
export async function listReportBatch(
  db: Conn,
  f: ReportQueryFilters,
  now: Date,
  after: ReportCursor | null,
  limit: number,
) {
  let q = withRowColumns(filtered(db, f, now), f, now).select(
    sql<string>`interviews.scheduled_at::text`.as("cursor_at"),
  );
  if (after)
    q = q.where(sql<boolean>`(interviews.scheduled_at, interviews.id) > (${after.at}::timestamptz, ${after.id}::uuid)`);
  return q.orderBy("interviews.scheduled_at").orderBy("interviews.id").limit(limit).execute();
}

// The summary in one pass over the filtered interviews: totals, and how many submitted scorecards
// give each recommendation (counted in the order given).
export function reportTotalsQuery(db: Conn, f: ReportQueryFilters, now: Date, recommendationIds: readonly string[]) {
  const perRecommendation = recommendationIds.map(
    (id) => sql`count(*) filter (where ${submitted} and scorecards.report_recommendation = ${id})`,
  );
  return filtered(db, f, now).select([
    sql<number>`count(distinct interviews.candidate_id)::int`.as("candidates"),
    sql<number>`count(*)::int`.as("interviews"),
    sql<number>`(count(*) filter (where ${interviewEnd} < ${now}))::int`.as("due"),
    sql<number>`(count(*) filter (where ${submitted}))::int`.as("submitted"),
    sql<number>`(count(*) filter (where ${overdue(now)}))::int`.as("overdue"),
    sql<number | null>`percentile_cont(0.5) within group (order by ${hoursToFeedback}) filter (where ${submitted})`.as(
      "median_hours",
    ),
    sql<number[]>`array[${sql.join(perRecommendation)}]::int[]`.as("recommendations"),
  ]);
}

export async function reportTotals(db: Conn, f: ReportQueryFilters, now: Date, recommendationIds: readonly string[]) {
  return reportTotalsQuery(db, f, now, recommendationIds).executeTakeFirstOrThrow();
}

export async function feedbackByInterviewer(db: Conn, f: ReportQueryFilters, now: Date) {
  return filtered(db, f, now)
    .innerJoin("users", "users.id", "interviews.interviewer_id")
    .select([
      "users.id",
      "users.name",
      sql<number>`(count(*) filter (where ${interviewEnd} < ${now}))::int`.as("due"),
      sql<number>`(count(*) filter (where ${submitted}))::int`.as("submitted"),
      sql<number>`(count(*) filter (where ${overdue(now)}))::int`.as("overdue"),
      sql<
        number | null
      >`percentile_cont(0.5) within group (order by ${hoursToFeedback}) filter (where ${submitted})`.as("median_hours"),
    ])
    .groupBy(["users.id", "users.name"])
    .orderBy("overdue", "desc")
    .orderBy("users.name")
    .execute();
}

// The longest-waiting first.
export async function listOverdue(db: Conn, f: ReportQueryFilters, now: Date, limit: number) {
  return withNames(filtered(db, f, now).where(overdue(now)))
    .select([
      "interviews.id as interview_id",
      "interviews.scheduled_at",
      "interviews.duration_minutes",
      "interviews.stage",
      "candidates.id as candidate_id",
      "candidates.name as candidate_name",
      "positions.title as position_title",
      "users.name as interviewer_name",
      sql<"draft" | null>`scorecards.status`.as("scorecard_status"),
    ])
    .orderBy("interviews.scheduled_at", "asc")
    .orderBy("interviews.id")
    .limit(limit)
    .execute();
}

// Calibration compares each rater with the rest of the panel on the same candidates, so it reads
// every submitted scorecard of the candidates in view (also those the filters leave out, e.g.
// other interviewers'), flagging which ones are in view by the filters' own conditions. With no
// filters every submitted scorecard is in view and the candidates need no narrowing.
// Ratings arrive as one rank digit per competency (0: none): a few bytes instead of a JSON object.
export function calibrationCardsQuery(
  db: Conn,
  f: ReportQueryFilters,
  now: Date,
  competencyIds: readonly string[],
  levelIds: readonly string[],
) {
  const inView = conditions(f, now);
  const levels = sql`array[${sql.join(levelIds.map((id) => sql`${id}::text`))}]`;
  const ranks = competencyIds.map(
    (id) => sql`coalesce(array_position(${levels}, scorecards.report_ratings->>${id}::text), 0)`,
  );
  return db
    .selectFrom("interviews")
    .innerJoin("scorecards", "scorecards.interview_id", "interviews.id")
    .where("interviews.cancelled_at", "is", null)
    .where(submitted)
    .$if(inView.length > 0, (q) =>
      q.where("interviews.candidate_id", "in", filtered(db, f, now).where(submitted).select("interviews.candidate_id")),
    )
    .select([
      "interviews.candidate_id",
      "interviews.interviewer_id",
      sql<string>`concat(${sql.join(ranks)})`.as("ranks"),
      sql<string | null>`scorecards.report_recommendation`.as("recommendation"),
      sql<boolean>`coalesce(${inView.length ? sql.join(inView, sql` and `) : sql`true`}, false)`.as("in_view"),
    ]);
}

export async function listCalibrationCards(
  db: Conn,
  f: ReportQueryFilters,
  now: Date,
  competencyIds: readonly string[],
  levelIds: readonly string[],
) {
  return calibrationCardsQuery(db, f, now, competencyIds, levelIds).execute();
}

export async function findUserNames(db: Conn, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("users").select(["id", "name"]).where("id", "in", ids).execute();
}

export async function listPositionOptions(db: Conn) {
  return db.selectFrom("positions").select(["id", "title"]).orderBy("title").orderBy("id").execute();
}

// Anyone who has ever been on a panel, including people who have since left the role.
export async function listInterviewerOptions(db: Conn) {
  return db
    .selectFrom("users")
    .select(["users.id", "users.name"])
    .where((eb) =>
      eb.exists(
        eb.selectFrom("interviews").select("interviews.id").whereRef("interviews.interviewer_id", "=", "users.id"),
      ),
    )
    .orderBy("users.name")
    .orderBy("users.id")
    .execute();
}

export async function findCandidateNames(db: Conn, ids: string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom("candidates").select(["id", "name"]).where("id", "in", ids).execute();
}

// Exports in the last window by one person: the rate limit on downloads.
export async function countRecentExports(db: Conn, actorId: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom("audit_log")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("actor_id", "=", actorId)
    .where("action", "=", "report.export")
    .where("at", ">", since)
    .executeTakeFirstOrThrow();
  return row.n;
}
