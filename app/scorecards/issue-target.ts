import { COMPETENCIES } from "./rubric";

const FIELD_LABELS: Record<string, string> = { question: "question", answer: "candidate's answer", notes: "notes" };
const SECTIONS: Record<string, [string, string]> = {
  notes: ["General notes", "general-notes"],
  recommendation: ["Overall recommendation", "recommendation"],
  level: ["Level recommendation", "level"],
  summary: ["Formal summary", "summary"],
  strengths: ["Strengths", "strengths"],
  improvements: ["Areas for improvement", "improvements"],
  followUps: ["Probing follow-up questions", "followUps"],
};

// Where a schema issue ("answers.2.notes", "ratings.ownership") lives on the scorecard page:
// the words an error summary names it by and the id of the field it links to.
export function issueTarget(path: string): { label: string; targetId: string | null } {
  const [head, key, field] = path.split(".");
  if (head === "answers" && key !== undefined) {
    return {
      label: `Q${Number(key) + 1} ${FIELD_LABELS[field ?? ""] ?? "question"}`,
      targetId: `q${key}-${field ?? "notes"}`,
    };
  }
  if (head === "ratings") {
    const competency = COMPETENCIES.find((c) => c.id === key);
    return { label: competency?.label ?? "Rating", targetId: `rating-${key}` };
  }
  if (head === "redFlags") return { label: `Red flag ${Number(key) + 1}`, targetId: null };
  const section = SECTIONS[head ?? ""];
  return section ? { label: section[0], targetId: section[1] } : { label: head || "Scorecard", targetId: null };
}
