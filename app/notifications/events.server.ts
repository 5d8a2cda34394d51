import type { Kysely } from "kysely";
import type { DB } from "~db/schema";
import { countMessagesWithKeyPrefix } from "~db/queries/outbox";
import {
  findCandidateSummary,
  findInterviewForCalendar,
  listActiveUsersWithRole,
  listCommitteeRecipients,
  packetProgress,
} from "~db/queries/notifications";
import { emitWebhook } from "~/webhooks/webhooks.server";
import { interviewIcs } from "./calendar.server";
import {
  calendarMessage,
  decisionMessage,
  invitationMessage,
  packetLink,
  packetReadyMessage,
  scorecardLink,
} from "./messages.server";
import { sendMessage } from "./send.server";

// Called after the business transaction commits, at the points where things happen. A failure
// here must not undo what the user did: it is logged, and the user's action stands.
async function afterCommit(what: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    console.warn(`panel: notifying ${what} failed: ${(error as Error).message}`);
  }
}

export function scorecardSubmitted(
  db: Kysely<DB>,
  e: { interviewId: string; scorecardId: string; amended: boolean; content: unknown },
) {
  return afterCommit("a submitted scorecard", async () => {
    const interview = await findInterviewForCalendar(db, e.interviewId);
    if (!interview) return;
    const candidate = { id: interview.candidate_id, name: interview.candidate_name };
    await emitWebhook(db, e.amended ? "scorecard.amended" : "scorecard.submitted", {
      scorecard: { id: e.scorecardId, interviewId: e.interviewId, url: scorecardLink(e.interviewId) },
      candidate,
      position: { title: interview.position_title },
      interviewer: { id: interview.interviewer_id, name: interview.interviewer_name },
      feedback: e.content,
    });
    if (e.amended) return;
    const progress = await packetProgress(db, interview.candidate_id);
    if (progress.live === 0 || progress.submitted < progress.live) return;
    // Keyed by how many scorecards make it complete: a later, added interview makes it ready again.
    const key = `packet-ready:${interview.candidate_id}:${progress.live}`;
    const summary = {
      id: interview.candidate_id,
      name: interview.candidate_name,
      position_title: interview.position_title,
    };
    for (const member of await listCommitteeRecipients(db, interview.candidate_id)) {
      await sendMessage(db, "packet-ready", { id: member.id, email: member.email }, packetReadyMessage(summary), {
        key: `${key}:${member.id}`,
      });
    }
    await emitWebhook(
      db,
      "packet.ready",
      {
        candidate,
        position: { title: interview.position_title },
        packet: { url: packetLink(interview.candidate_id) },
        scorecards: progress.submitted,
      },
      { dedupe: key },
    );
  });
}

export function decisionRecorded(
  db: Kysely<DB>,
  e: { candidateId: string; decisionId: string; outcome: string; level: string | null; revised: boolean },
) {
  return afterCommit("a decision", async () => {
    const candidate = await findCandidateSummary(db, e.candidateId);
    if (!candidate) return;
    for (const r of await listActiveUsersWithRole(db, "recruiter")) {
      await sendMessage(
        db,
        "decision",
        { id: r.id, email: r.email },
        decisionMessage(candidate, e.outcome, e.revised),
        { key: `decision:${e.decisionId}:${r.id}` },
      );
    }
    await emitWebhook(db, "decision.recorded", {
      candidate: { id: candidate.id, name: candidate.name },
      position: { title: candidate.position_title },
      decision: { id: e.decisionId, outcome: e.outcome, level: e.level, revised: e.revised },
      packet: { url: packetLink(candidate.id) },
    });
  });
}

export type InterviewChange = "scheduled" | "moved" | "cancelled";

// The interviewer's calendar copy: a new SEQUENCE per message about this interview.
export function interviewChanged(db: Kysely<DB>, interviewId: string, change: InterviewChange) {
  return afterCommit("an interview change", async () => {
    const interview = await findInterviewForCalendar(db, interviewId);
    if (!interview) return;
    const prefix = `calendar:${interviewId}:`;
    const sequence = await countMessagesWithKeyPrefix(db, prefix);
    const ics = interviewIcs(interview, sequence, change === "cancelled");
    await sendMessage(
      db,
      "calendar",
      { id: interview.interviewer_id, email: interview.interviewer_email },
      calendarMessage(interview, change),
      {
        key: `${prefix}${sequence}`,
        ics,
      },
    );
  });
}

// The link is still shown to the admin; the mail is a convenience, never the only copy.
export function invitationCreated(
  db: Kysely<DB>,
  e: { invitationId: string; email: string; link: string; roles: string[]; resend?: number },
) {
  return afterCommit("an invitation", async () => {
    await sendMessage(db, "invitation", { id: null, email: e.email }, invitationMessage(e.link, e.roles), {
      key: `invitation:${e.invitationId}:${e.resend ?? 0}`,
    });
  });
}
