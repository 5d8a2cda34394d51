import { getDb } from "~db/index.server";
import { setupProgress } from "~db/queries/first-run";

export type ChecklistStep = { id: string; label: string; hint: string; href: string; done: boolean };

// The admin's first-run checklist, each step ticked from what the database holds; null once every step
// is done, so a team that is set up (the demo data included) never sees it.
export async function firstRunChecklist(): Promise<ChecklistStep[] | null> {
  const p = await setupProgress(getDb());
  const steps: ChecklistStep[] = [
    {
      id: "invite",
      label: "Invite the people who interview, recruit and decide",
      hint: "An invitation link for each, with their roles.",
      href: "/admin/people",
      done: p.invited || p.invitation_sent,
    },
    {
      id: "templates",
      label: "Review the rubric and question kits",
      hint: "Ticks once you save the rubric, the red-flag taxonomy or a kit, or once interviews use them.",
      href: "/admin/rubric",
      done: p.template_saved || p.kit_saved || p.scheduled,
    },
    {
      id: "position",
      label: "Create a position and choose its kit",
      hint: "Title, team, levels and the question kit its interviews use.",
      href: "/positions/new",
      done: p.position,
    },
    {
      id: "candidate",
      label: "Add candidates",
      hint: "One at a time, or many from a CSV file.",
      href: "/candidates/new",
      done: p.candidate,
    },
    {
      id: "panel",
      label: "Schedule the panel",
      hint: "Interviewers, focus areas and times for a candidate's loop.",
      href: p.first_candidate_id ? `/candidates/${p.first_candidate_id}` : "/candidates",
      done: p.scheduled,
    },
  ];
  return steps.every((s) => s.done) ? null : steps;
}
