import { sql, type RawBuilder } from "kysely";

// Independence, the one rule: whoever still owes feedback on a candidate (an interview of theirs
// with that candidate, not cancelled, without a submitted scorecard) does not read the others'
// scorecards on that candidate — ratings, notes, flags — until theirs is in. They still see who
// has submitted. An expression over a query on `interviews`: may the viewer read this row's
// scorecard? viewerId null: the command line, run by whoever operates the database.
export function feedbackReadableBy(viewerId: string | null): RawBuilder<boolean> {
  if (viewerId === null) return sql<boolean>`true`;
  // Uncorrelated (candidate_id is never null, so NOT IN is safe): PostgreSQL hashes the viewer's few
  // candidates once per query and prices the check as a lookup, instead of a subquery per row, which
  // pushed a 2,000-row report batch over the JIT threshold.
  return sql<boolean>`(interviews.interviewer_id = ${viewerId} or interviews.candidate_id not in (
    select own.candidate_id from interviews own left join scorecards own_card on own_card.interview_id = own.id
    where own.interviewer_id = ${viewerId} and own.cancelled_at is null
      and own_card.status is distinct from 'submitted'))`;
}
