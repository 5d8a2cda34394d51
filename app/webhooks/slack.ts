import type { WebhookEvent } from "./webhooks.server";

type Data = Record<string, any>;

// Slack's incoming-webhook format: one line of mrkdwn with the link, never feedback text.
export function slackMessage(event: WebhookEvent, data: Data): { text: string } {
  const candidate = data.candidate?.name ?? "a candidate";
  const url = data.url ?? data.interview?.url ?? data.packet?.url;
  const lines: Record<WebhookEvent, string> = {
    "feedback.overdue": `:alarm_clock: Feedback overdue: ${data.interviewer?.name ?? "an interviewer"} on ${candidate}${data.remindersMuted ? " (reminders muted)" : ""}`,
    "packet.ready": `:white_check_mark: Packet ready for ${candidate} (${data.position?.title ?? ""})`,
    "scorecard.submitted": `Scorecard submitted on ${candidate}`,
    "scorecard.amended": `Scorecard amended on ${candidate}`,
    "decision.recorded": `Decision recorded on ${candidate}: ${data.decision?.outcome ?? ""}`,
  };
  return { text: url ? `${lines[event]} — <${url}|open in Panel>` : lines[event] };
}
