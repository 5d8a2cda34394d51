import type { Conn, DecisionOutcome } from "~db/schema";
import { countMessagesWithKeyPrefix } from "~db/queries/outbox";
import {
  findCandidateSummary,
  findInterviewForCalendar,
  findRecipient,
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
  setupLinkMessage,
  type InterviewChange,
  packetLink,
  packetReadyMessage,
  scorecardLink,
} from "./messages.server";
import { recruitersFor } from "./recruiters";
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
  db: Conn,
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
  db: Conn,
  e: { candidateId: string; decisionId: string; outcome: DecisionOutcome; level: string | null; revised: boolean },
) {
  return afterCommit("a decision", async () => {
    const candidate = await findCandidateSummary(db, e.candidateId);
    if (!candidate) return;
    for (const r of recruitersFor(candidate.recruiter_id, await listActiveUsersWithRole(db, "recruiter"))) {
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

type CalendarInterview = NonNullable<Awaited<ReturnType<typeof findInterviewForCalendar>>>;

// One calendar message to one attendee. Every message about an interview raises its SEQUENCE,
// so each calendar replaces the copy it holds; "cancelled" and "reassigned" carry METHOD:CANCEL.
async function sendCalendar(
  db: Conn,
  interview: CalendarInterview,
  to: { id: string; name: string; email: string },
  change: InterviewChange,
) {
  const prefix = `calendar:${interview.id}:`;
  const sequence = await countMessagesWithKeyPrefix(db, prefix);
  const attendee = { ...interview, interviewer_name: to.name, interviewer_email: to.email };
  const ics = interviewIcs(attendee, sequence, change === "cancelled" || change === "reassigned");
  await sendMessage(db, "calendar", { id: to.id, email: to.email }, calendarMessage(interview, change), {
    key: `${prefix}${sequence}`,
    ics,
  });
}

const interviewerOf = (i: CalendarInterview) => ({
  id: i.interviewer_id,
  name: i.interviewer_name,
  email: i.interviewer_email,
});

// The interviewer's calendar copy when the interview is scheduled, moves or is cancelled.
export function interviewChanged(db: Conn, interviewId: string, change: Exclude<InterviewChange, "reassigned">) {
  return afterCommit("an interview change", async () => {
    const interview = await findInterviewForCalendar(db, interviewId);
    if (interview) await sendCalendar(db, interview, interviewerOf(interview), change);
  });
}

// Given to someone else: the one it was taken from hears it is no longer theirs (and their
// calendar drops it); the one who has it now gets the usual invitation.
export function interviewReassigned(db: Conn, interviewId: string, previousInterviewerId: string) {
  return afterCommit("a reassigned interview", async () => {
    const interview = await findInterviewForCalendar(db, interviewId);
    if (!interview) return;
    const previous = await findRecipient(db, previousInterviewerId);
    if (previous) await sendCalendar(db, interview, previous, "reassigned");
    await sendCalendar(db, interview, interviewerOf(interview), "scheduled");
  });
}

// The link is still shown to the admin; the mail is a convenience, never the only copy.
// The first start's setup link, to ADMIN_EMAIL when it is set without ADMIN_PASSWORD.
export function setupLinkCreated(db: Conn, e: { invitationId: string; email: string; link: string }) {
  return afterCommit("the setup link", async () => {
    await sendMessage(db, "setup-link", { id: null, email: e.email }, setupLinkMessage(e.link), {
      key: `setup-link:${e.invitationId}`,
    });
  });
}

export function invitationCreated(
  db: Conn,
  e: { invitationId: string; email: string; link: string; roles: string[]; resend?: number },
) {
  return afterCommit("an invitation", async () => {
    await sendMessage(db, "invitation", { id: null, email: e.email }, invitationMessage(e.link, e.roles), {
      key: `invitation:${e.invitationId}:${e.resend ?? 0}`,
    });
  });
}
