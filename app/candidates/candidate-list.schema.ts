import { z } from "zod";
import { INTERVIEW_STAGES } from "~/vocabulary/stages";
import { DECISION_OUTCOMES } from "~/vocabulary/decisions";

export const CANDIDATE_SORTS = { newest: "Newest first", name: "Name A–Z", overdue: "Most overdue feedback" } as const;
export type CandidateSort = keyof typeof CANDIDATE_SORTS;

// The candidate list's search, filters and sort, read from the URL so a view can be bookmarked
// and shared. A value that makes no sense (an edited link) falls back to "all" instead of failing.
export const candidateListSchema = z.object({
  q: z.string().trim().max(200).catch(""),
  position: z.string().uuid().or(z.literal("")).catch(""),
  stage: z.enum(INTERVIEW_STAGES).or(z.literal("")).catch(""),
  decision: z
    .enum([...DECISION_OUTCOMES, "pending"])
    .or(z.literal(""))
    .catch(""),
  sort: z.enum(Object.keys(CANDIDATE_SORTS) as [CandidateSort, ...CandidateSort[]]).catch("newest"),
});
export type CandidateListQuery = z.output<typeof candidateListSchema>;

export function parseCandidateList(url: URL): CandidateListQuery {
  const get = (key: string) => url.searchParams.get(key) ?? undefined;
  return candidateListSchema.parse({
    q: get("q"),
    position: get("position"),
    stage: get("stage"),
    decision: get("decision"),
    sort: get("sort"),
  });
}
