import type { DraftableSection, ScorecardContent } from "./scorecard.schema";
import { withoutBlankLines } from "~/ui/LinesField";

// Which draftable section a form field path belongs to ("redFlags.2.severity" → redFlags).
export function sectionOfPath(path: string | undefined): DraftableSection | null {
  const head = path?.split(".")[0];
  return head === "summary" ||
    head === "strengths" ||
    head === "improvements" ||
    head === "redFlags" ||
    head === "followUps"
    ? head
    : null;
}

// Blank lines typed into list fields are editing scaffolding, not content.
export function normalizeContent(content: ScorecardContent): ScorecardContent {
  return {
    ...content,
    strengths: withoutBlankLines(content.strengths),
    improvements: withoutBlankLines(content.improvements),
    followUps: withoutBlankLines(content.followUps),
    redFlags: content.redFlags.map((flag) => ({ ...flag, evidence: withoutBlankLines(flag.evidence) })),
  };
}
