import { getDb } from "~db/index.server";
import { findMute, muteReminders } from "~db/queries/notifications";
import type { SessionUser } from "~/auth/guard.server";
import { DomainError } from "~/errors.server";
import { requireOwnInterview } from "~/scorecards/scorecard.server";
import type { MuteAction } from "./mute.schema";

// The page a reminder's mute link opens: the interviewer's own interview only.
export async function readReminderMute(user: SessionUser, interviewId: string) {
  const interview = await requireOwnInterview(user, interviewId);
  return { interviewId, candidate: interview.candidate_name, mute: (await findMute(getDb(), interviewId)) ?? null };
}

// The recruiter sees the reason (escalation, digest). Someone else's interview is not found.
export async function muteDailyReminders(user: SessionUser, interviewId: string, input: MuteAction): Promise<void> {
  if (!(await muteReminders(getDb(), interviewId, user.id, input.reason)))
    throw new DomainError("not-found", "No such interview among yours.");
}
