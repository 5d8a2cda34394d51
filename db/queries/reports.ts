import { sql, type QueryCreator, type RawBuilder } from "kysely";
import type { Conn, DB, InterviewStage } from "../schema";
import { standingDecisions, standingOutcomeOf } from "./decisions";
import { beforeFeedbackDeadline, feedbackOverdue, interviewEnd } from "./feedback-status";
import { feedbackReadableBy } from "./independence";

// The recruiter report: one row per interview that still counts (cancelled ones never do),
// with its scorecard when there is one. Ratings, recommendation, level and red flags come only
// from submitted scorecards the viewer may read (a draft stays its author's, and someone who
// still owes feedback on a candidate does not read the others', as in the packet), and from the
// small report_* columns PostgreSQL derives from the content, never from the large content itself.

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
  // Not a filter: who reads the report (null: the command line). Someone who still owes feedback
  // on a candidate gets that candidate's rows and progress without the others' ratings,
  // recommendation, level and flags, and calibration and the summary leave those scorecards out.
  viewer: string | null;
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

const submitted = sql<boolean>`scorecards.status = 'submitted'`;
// A submitted scorecard whose content the viewer may read.
const shownTo = (f: ReportQueryFilters) => sql<boolean>`(${submitted} and ${feedbackReadableBy(f.viewer)})`;
const latestDecision = sql<string | null>`(${standingOutcomeOf(sql.ref("interviews.candidate_id"))})`;
const hoursToFeedback = sql`greatest(0,
  extract(epoch from (scorecards.submitted_at - ${interviewEnd})) / 3600)::float8`;

function statusOf(now: Date) {
  return sql<RowStatus>`case when ${submitted} then 'submitted'
    when ${feedbackOverdue(now)} then 'overdue' when scorecards.status = 'draft' then 'draft' else 'not-started' end`;
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
  if (f.recommendation) c.push(sql`${shownTo(f)} and scorecards.report_recommendation = ${f.recommendation}`);
  if (f.redFlag)
    c.push(sql`${shownTo(f)} and scorecards.report_flag_categories @> ${JSON.stringify([f.redFlag])}::jsonb`);
  if (f.decision === "none")
    c.push(sql`not exists (select 1 from decisions d where d.candidate_id = interviews.candidate_id)`);
  // Once per candidate with a decision rather than once per interview: a hashed semi-join.
  else if (f.decision)
    c.push(
      sql`interviews.candidate_id in (select standing.candidate_id from ${standingDecisions()}
        where standing.outcome = ${f.decision})`,
    );
  if (f.status === "submitted") c.push(submitted);
  if (f.status === "overdue") c.push(feedbackOverdue(now));
  if (f.status === "draft") c.push(sql`scorecards.status = 'draft' and ${beforeFeedbackDeadline(now)}`);
  if (f.status === "not-started") c.push(sql`scorecards.id is null and ${beforeFeedbackDeadline(now)}`);
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
  const shown = shownTo(f);
  return withNames(q).select((eb) => [
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
    eb.case().when(submitted).then(eb.ref("scorecards.submitted_at")).end().as("submitted_at"),
    eb.case().when(shown).then(eb.ref("scorecards.report_recommendation")).end().as("recommendation"),
    eb.case().when(shown).then(eb.ref("scorecards.report_level")).end().as("level"),
    eb.case().when(shown).then(eb.ref("scorecards.report_ratings")).end().as("ratings"),
    eb.case().when(shown).then(highestSeverities).end().as("red_flags"),
    latestDecision.as("decision"),
  ]);
}

// category → highest severity given (the two generated arrays run in parallel).
const highestSeverities = sql<Record<string, number> | null>`(select jsonb_object_agg(f.category, f.severity) from (
  select category, max(severity::int) as severity
  from rows from (jsonb_array_elements_text(scorecards.report_flag_categories), jsonb_array_elements_text(scorecards.report_flag_severities)) as flag(category, severity)
  group by category) f)`;
export type ReportRow = Awaited<ReturnType<ReturnType<typeof withRowColumns>["execute"]>>[number];

function sortExpression(sort: ReportSort, f: ReportQueryFilters, now: Date) {
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
      // Only readable recommendations order the rows: the order must not betray a hidden one.
      return sql`case when ${shownTo(f)} then array_position(${textArray(sort.recommendationOrder)},
        scorecards.report_recommendation) end`;
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
    .orderBy(sortExpression(sort, f, now), (ob) => {
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
export function reportBatchQuery(
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
  return q.orderBy("interviews.scheduled_at").orderBy("interviews.id").limit(limit);
}

export type ReportBatchRow = ReportRow & { cursor_at: string };
type JsonRow = Omit<ReportBatchRow, "scheduled_at" | "submitted_at"> & {
  scheduled_at: string;
  submitted_at: string | null;
};

// Each row comes back as one JSON value rather than 17 fields: PGlite's wire parser copies every
// field into a buffer of its own, which cost a third of a batch's CPU (a profile of the export).
export async function listReportBatch(
  db: Conn,
  f: ReportQueryFilters,
  now: Date,
  after: ReportCursor | null,
  limit: number,
): Promise<ReportBatchRow[]> {
  const { rows } = await sql<{ row: JsonRow }>`select to_json(batch) as row
    from (${reportBatchQuery(db, f, now, after, limit)}) batch
    order by batch.scheduled_at, batch.interview_id`.execute(db);
  return rows.map(({ row }) => ({
    ...row,
    scheduled_at: new Date(row.scheduled_at),
    submitted_at: row.submitted_at === null ? null : new Date(row.submitted_at),
  }));
}

// The summary in one pass over the filtered interviews: totals, and how many readable submitted
// scorecards give each recommendation (counted in the order given).
export function reportTotalsQuery(db: Conn, f: ReportQueryFilters, now: Date, recommendationIds: readonly string[]) {
  const perRecommendation = recommendationIds.map(
    (id) => sql`count(*) filter (where ${shownTo(f)} and scorecards.report_recommendation = ${id})`,
  );
  return filtered(db, f, now).select([
    sql<number>`count(distinct interviews.candidate_id)::int`.as("candidates"),
    sql<number>`count(*)::int`.as("interviews"),
    sql<number>`(count(*) filter (where ${interviewEnd} < ${now}))::int`.as("due"),
    sql<number>`(count(*) filter (where ${submitted}))::int`.as("submitted"),
    sql<number>`(count(*) filter (where ${feedbackOverdue(now)}))::int`.as("overdue"),
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
      sql<number>`(count(*) filter (where ${feedbackOverdue(now)}))::int`.as("overdue"),
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
  return withNames(filtered(db, f, now).where(feedbackOverdue(now)))
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

// Calibration, aggregated in the database: how each interviewer in view rates compared with the
// rest of the panel on the same candidates. For every competency a rater rated, their level is
// compared with the median of the other interviewers' levels for that candidate and competency
// (a second interview by the same person is not a second opinion); the mean of those differences
// says whether they rate above (lenient) or below (harsh) the panel. The panel is every readable
// submitted scorecard of the candidates in view, also those the filters leave out (e.g. other
// interviewers'). Levels are ranks 1..n in the order given, so a median is read off the counts per
// level: no sort per panel, and one row per rater comes back.
// The panel's counts come from window sums over scorecards, never from one row per rating (seven
// times as many rows, grouped and joined three times, which made the page 4-7x slower): a rating
// is packed into a bigint as a 12-bit count per level, so a sum of packed ratings holds the counts
// of a whole panel (no candidate has 4,096 scorecards that could carry into the next level).
export function calibrationQuery(
  db: Conn,
  f: ReportQueryFilters,
  now: Date,
  competencyIds: readonly string[],
  levelIds: readonly string[],
  hireIds: readonly string[],
) {
  const inView = conditions(f, now);
  const levels = textArray(levelIds);
  const rankColumns = competencyIds.map((_, k) => sql.id(`r${k}`));
  const cards = db
    .selectFrom("interviews")
    .innerJoin("scorecards", "scorecards.interview_id", "interviews.id")
    .where("interviews.cancelled_at", "is", null)
    .where(shownTo(f))
    .$if(inView.length > 0, (q) =>
      q.where("interviews.candidate_id", "in", filtered(db, f, now).where(submitted).select("interviews.candidate_id")),
    )
    .select([
      "interviews.candidate_id",
      "interviews.interviewer_id",
      "scorecards.report_recommendation",
      sql<boolean>`coalesce(${inView.length ? sql.join(inView, sql` and `) : sql`true`}, false)`.as("in_view"),
      ...competencyIds.map((id, k) =>
        sql<number | null>`array_position(${levels}, scorecards.report_ratings->>${id}::text)`.as(`r${k}`),
      ),
    ]);
  const packed = (rank: RawBuilder<unknown>) => sql`coalesce(1::bigint << (12 * (${rank} - 1)), 0)`;
  // The others' counts: the whole panel's less the rater's own (no digit borrows).
  const others = rankColumns.map((r) => sql`(sum(${packed(r)}) over panel - sum(${packed(r)}) over rater)::bigint`);
  const ranks = levelIds.map((_, i) => i + 1);
  const upTo = (r: number) =>
    sql`(${sql.join(
      ranks.slice(0, r).map((q) => sql`((others >> ${sql.lit(12 * (q - 1))}) & 4095)`),
      sql` + `,
    )})`;
  const othersTotal = upTo(ranks.length);
  // The level at 0-based position x of the others' ratings in order.
  const levelAt = (x: RawBuilder<unknown>) =>
    sql`case ${sql.join(
      ranks.slice(0, -1).map((r) => sql`when ${x} < ${upTo(r)} then ${sql.lit(r)}`),
      sql` `,
    )} else ${sql.lit(ranks.length)} end`;
  const panelMedian = sql`(${levelAt(sql`(${othersTotal} - 1) / 2`)} + ${levelAt(sql`${othersTotal} / 2`)}) / 2.0`;
  return sql<{
    interviewer_id: string;
    name: string;
    scorecards: number;
    recommended: number;
    hires: number;
    distribution: number[];
    comparisons: number;
    offset: number | null;
  }>`with cards as (${cards}),
  panels as (
    select interviewer_id, in_view, array[${sql.join(rankColumns)}] as ranks, array[${sql.join(others)}] as panel_counts
    from cards window panel as (partition by candidate_id), rater as (partition by candidate_id, interviewer_id)),
  -- Raters rate alike: the median is worked out once per rater, level and panel counts.
  compared as (
    select interviewer_id, rank, others, count(*) as n
    from panels cross join unnest(ranks, panel_counts) as k(rank, others)
    where in_view and rank is not null group by interviewer_id, rank, others),
  by_ratings as (
    select interviewer_id,
      array[${sql.join(ranks.map((r) => sql`coalesce(sum(n) filter (where rank = ${sql.lit(r)}), 0)::int`))}] as distribution,
      coalesce(sum(n) filter (where ${othersTotal} > 0), 0)::int as comparisons,
      (sum(n * (rank - ${panelMedian})) filter (where ${othersTotal} > 0)
        / nullif(sum(n) filter (where ${othersTotal} > 0), 0))::float8 as "offset"
    from compared group by interviewer_id),
  by_cards as (
    select interviewer_id, count(*)::int as scorecards, count(report_recommendation)::int as recommended,
      (count(*) filter (where report_recommendation = any(${textArray(hireIds)})))::int as hires
    from cards where in_view group by interviewer_id)
  select c.interviewer_id, u.name, c.scorecards, c.recommended, c.hires,
    coalesce(r.distribution, array[${sql.join(ranks.map(() => sql`0`))}]) as distribution,
    coalesce(r.comparisons, 0) as comparisons, r."offset"
  from by_cards c join users u on u.id = c.interviewer_id left join by_ratings r using (interviewer_id)
  order by u.name, c.interviewer_id`;
}

export async function listCalibration(
  db: Conn,
  f: ReportQueryFilters,
  now: Date,
  vocabulary: { competencyIds: readonly string[]; levelIds: readonly string[]; hireIds: readonly string[] },
) {
  const { rows } = await calibrationQuery(
    db,
    f,
    now,
    vocabulary.competencyIds,
    vocabulary.levelIds,
    vocabulary.hireIds,
  ).execute(db);
  return rows;
}

const textArray = (values: readonly string[]) => sql`array[${sql.join(values.map((v) => sql`${v}::text`))}]::text[]`;

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
