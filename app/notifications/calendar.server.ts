import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { getSettings } from "~/env.server";
import { stageLabel } from "~/vocabulary/stages";
import { scorecardLink } from "./messages.server";

type CalendarInterview = {
  id: string;
  scheduled_at: Date;
  duration_minutes: number;
  stage: string;
  candidate_name: string;
  position_title: string;
  interviewer_name: string;
  interviewer_email: string;
};

const organizerEmail = () => getSettings().MAIL_FROM.match(/<([^>]+)>/)?.[1] ?? getSettings().MAIL_FROM;

// One event per interview: the UID stays the interview's, SEQUENCE grows with every change,
// so calendars update (or remove) the event they already hold instead of adding another.
export function interviewIcs(i: CalendarInterview, sequence: number, cancelled: boolean): string {
  const calendar = ical({
    prodId: { company: "Panel", product: "Panel", language: "EN" },
    method: cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: `${i.id}@panel`,
    sequence,
    start: i.scheduled_at,
    end: new Date(i.scheduled_at.getTime() + i.duration_minutes * 60_000),
    summary: `${stageLabel(i.stage)} interview: ${i.candidate_name} (${i.position_title})`,
    description: `Interview kit and scorecard: ${scorecardLink(i.id)}`,
    url: scorecardLink(i.id),
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: "Panel", email: organizerEmail() },
    attendees: [{ name: i.interviewer_name, email: i.interviewer_email }],
  });
  return calendar.toString();
}
