import { publicUrl } from "~/env.server";
import { formatDateTime } from "~/ui/format";
import { OUTCOME_LABELS, type DecisionOutcome } from "~/vocabulary/decisions";
import { stageLabel } from "~/vocabulary/stages";
import type { EmailContent } from "./EmailLayout";

// Every message Panel writes, in its own words. Links are absolute under PUBLIC_URL; feedback
// text never appears in a message, only links to where the reader may see it.
export type Message = { subject: string; content: EmailContent };

export const link = (path: string) => `${publicUrl()}${path}`;
export const scorecardLink = (interviewId: string) => link(`/interviews/${interviewId}`);
export const muteLink = (interviewId: string) => link(`/interviews/${interviewId}/reminders`);
export const packetLink = (candidateId: string) => link(`/candidates/${candidateId}/packet`);
export const candidateLink = (candidateId: string) => link(`/candidates/${candidateId}`);

type OwedFeedback = {
  id: string;
  candidate_id: string;
  scheduled_at: Date;
  time_zone: string;
  candidate_name: string;
  position_title: string;
  interviewer_name: string;
  mute_reason: string | null;
};

const when = (i: { scheduled_at: Date; time_zone: string }) =>
  formatDateTime(i.scheduled_at.toISOString(), i.time_zone);

export function reminderMessage(i: OwedFeedback, repeat: boolean): Message {
  return {
    subject: `${repeat ? "Reminder: feedback" : "Feedback"} on ${i.candidate_name} is waiting for you`,
    content: {
      preview: `Your scorecard for ${i.candidate_name} (${i.position_title}) is not submitted yet.`,
      heading: `Your feedback on ${i.candidate_name}`,
      lines: [
        `You interviewed ${i.candidate_name} for ${i.position_title} on ${when(i)}.`,
        "The committee cannot decide until every scorecard is in. Write it while the interview is fresh.",
      ],
      action: { label: "Open the scorecard", url: scorecardLink(i.id) },
      footer: [{ label: "Stop the daily reminders for this interview", url: muteLink(i.id) }],
    },
  };
}

export function escalationMessage(i: OwedFeedback, daysOverdue: number): Message {
  return {
    subject: `Overdue feedback: ${i.interviewer_name} on ${i.candidate_name}`,
    content: {
      preview: `${i.interviewer_name}'s scorecard is ${daysOverdue} days overdue.`,
      heading: `Feedback overdue for ${daysOverdue} day${daysOverdue === 1 ? "" : "s"}`,
      lines: [
        `${i.interviewer_name} interviewed ${i.candidate_name} for ${i.position_title} on ${when(i)}` +
          " and has not submitted a scorecard.",
        ...(i.mute_reason
          ? [`They muted the daily reminders: "${i.mute_reason}"`]
          : ["They have been reminded daily."]),
      ],
      action: { label: "Open the candidate", url: candidateLink(i.candidate_id) },
    },
  };
}

export function digestMessage(
  overdue: OwedFeedback[],
  ready: { id: string; name: string; position_title: string }[],
): Message {
  return {
    subject: `Panel digest: ${overdue.length} overdue, ${ready.length} ready for decision`,
    content: {
      preview: `${overdue.length} scorecards overdue; ${ready.length} packets ready for a decision.`,
      heading: "Today in Panel",
      lines: [
        overdue.length ? "Overdue feedback:" : "No feedback is overdue.",
        ...overdue.map(
          (i) =>
            `• ${i.interviewer_name} on ${i.candidate_name} (${i.position_title}), interviewed ${when(i)}` +
            (i.mute_reason ? ` — reminders muted: "${i.mute_reason}"` : ""),
        ),
        ready.length ? "Packets ready for a decision:" : "No packet is waiting for a decision.",
        ...ready.map((c) => `• ${c.name} (${c.position_title}): ${packetLink(c.id)}`),
      ],
      action: { label: "Open Panel", url: link("/candidates") },
    },
  };
}

export function packetReadyMessage(c: { id: string; name: string; position_title: string }): Message {
  return {
    subject: `Packet ready: ${c.name}`,
    content: {
      preview: `Every scorecard for ${c.name} is in.`,
      heading: `${c.name}'s packet is ready`,
      lines: [
        `Every interviewer has submitted feedback on ${c.name} for ${c.position_title}.` +
          " The packet is ready for the committee.",
      ],
      action: { label: "Read the packet", url: packetLink(c.id) },
    },
  };
}

export function decisionMessage(
  c: { id: string; name: string; position_title: string },
  outcome: DecisionOutcome,
  revised: boolean,
): Message {
  const said = OUTCOME_LABELS[outcome].toLowerCase();
  return {
    subject: `Decision ${revised ? "revised" : "recorded"}: ${c.name}`,
    content: {
      preview: `The committee ${revised ? "revised its decision" : "decided"} on ${c.name}: ${said}.`,
      heading: `${revised ? "Revised decision" : "Decision"} on ${c.name}`,
      lines: [
        `The hiring committee ${revised ? "revised its decision" : "recorded a decision"} on ${c.name}` +
          ` for ${c.position_title}: ${said}.`,
      ],
      action: { label: "Open the packet", url: packetLink(c.id) },
    },
  };
}

export function invitationMessage(inviteLink: string, roles: string[]): Message {
  return {
    subject: "You are invited to Panel",
    content: {
      preview: "Create your Panel account.",
      heading: "You are invited to Panel",
      lines: [
        `An admin invited you to Panel as ${roles.join(", ")}.` +
          " Panel collects interview feedback and turns it into hiring decisions.",
        "The link works once and expires in 7 days.",
      ],
      action: { label: "Create your account", url: inviteLink },
    },
  };
}

export function setupLinkMessage(setupLink: string): Message {
  return {
    subject: "Set up Panel",
    content: {
      preview: "Create the first admin account of your Panel.",
      heading: "Set up Panel",
      lines: [
        "Panel started on an empty database and this address is its ADMIN_EMAIL.",
        "Open the link to create the first admin account. It works once and expires in 7 days.",
      ],
      action: { label: "Create the first admin", url: setupLink },
    },
  };
}

type CalendarInterview = {
  id: string;
  scheduled_at: Date;
  time_zone: string;
  stage: string;
  candidate_name: string;
  position_title: string;
};

export type InterviewChange = "scheduled" | "moved" | "cancelled" | "reassigned";

const ATTACHED = "The calendar invitation is attached; the kit and your scorecard are one link away.";

const CALENDAR_SUBJECTS: Record<InterviewChange, string> = {
  scheduled: "Interview",
  moved: "Interview moved",
  cancelled: "Interview cancelled",
  reassigned: "Interview no longer yours",
};

export function calendarMessage(i: CalendarInterview, change: InterviewChange): Message {
  const what = `${stageLabel(i.stage)} interview with ${i.candidate_name}`;
  const subject = `${CALENDAR_SUBJECTS[change]}: ${i.candidate_name}`;
  const lines = {
    scheduled: [`${what} for ${i.position_title}: ${when(i)}.`, ATTACHED],
    moved: [`${what} for ${i.position_title}: ${when(i)}.`, ATTACHED],
    cancelled: [`The ${what} for ${i.position_title} on ${when(i)} is cancelled.`],
    reassigned: [
      `The ${what} for ${i.position_title} on ${when(i)} is now someone else's:` +
        " you need not attend or write a scorecard.",
    ],
  }[change];
  const keeps = change === "scheduled" || change === "moved";
  return {
    subject,
    content: {
      preview: `${what}, ${when(i)}`,
      heading: subject,
      lines,
      ...(keeps ? { action: { label: "Open the interview kit", url: scorecardLink(i.id) } } : {}),
    },
  };
}
