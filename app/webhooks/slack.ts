import type { WebhookEvent } from "./webhook.schema";

// The parts of an event's payload a Slack line names; every event carries some of them.
type Data = {
  url?: string;
  candidate?: { name?: string };
  interviewer?: { name?: string };
  position?: { title?: string };
  interview?: { url?: string };
  packet?: { url?: string };
  decision?: { outcome?: string };
  remindersMuted?: boolean;
};

// Slack's incoming-webhook format: one line of mrkdwn with the link, never feedback text.
export function slackMessage(event: WebhookEvent, data: Data): { text: string } {
  const candidate = data.candidate?.name ?? "a candidate";
  const url = data.url ?? data.interview?.url ?? data.packet?.url;
  const interviewer = data.interviewer?.name ?? "an interviewer";
  const muted = data.remindersMuted ? " (reminders muted)" : "";
  const lines: Record<WebhookEvent, string> = {
    "feedback.overdue": `:alarm_clock: Feedback overdue: ${interviewer} on ${candidate}${muted}`,
    "packet.ready": `:white_check_mark: Packet ready for ${candidate} (${data.position?.title ?? ""})`,
    "scorecard.submitted": `Scorecard submitted on ${candidate}`,
    "scorecard.amended": `Scorecard amended on ${candidate}`,
    "decision.recorded": `Decision recorded on ${candidate}: ${data.decision?.outcome ?? ""}`,
  };
  return { text: url ? `${lines[event]} — <${url}|open in Panel>` : lines[event] };
}
