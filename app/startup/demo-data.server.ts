import type { Kysely, Transaction } from "kysely";
import type { DB, InterviewStage, Role } from "~db/schema";
import { createUser } from "~db/queries/users";
import { hashPassword } from "~/auth/password.server";
import { getTemplates } from "~/scorecards/templates.server";
import { COMPETENCY_IDS } from "~/scorecards/rubric";
import type { ScorecardContent } from "~/scorecards/scorecard.schema";
import {
  draftScorecard,
  escalationScorecard,
  metricsScorecard,
  weConsensusScorecard,
  type DemoQuestion,
} from "./demo-scorecards";

export const DEMO_PASSWORD = "demo-password";
export const DEMO_KIT = "customer-experience-manager";

const PEOPLE: { email: string; name: string; roles: Role[] }[] = [
  { email: "interviewer@example.com", name: "Priya Natarajan", roles: ["interviewer"] },
  { email: "interviewer2@example.com", name: "Marcus Webb", roles: ["interviewer"] },
  { email: "lena.fischer@example.com", name: "Lena Fischer", roles: ["interviewer"] },
  { email: "recruiter@example.com", name: "Dana Ortiz", roles: ["recruiter"] },
  { email: "committee@example.com", name: "Sam Okafor", roles: ["committee", "interviewer"] },
  { email: "admin@example.com", name: "Alex Kim", roles: ["admin"] },
];

const HOUR = 3600_000;

type Card = { status: "draft" | "submitted"; content: ScorecardContent };
type Slot = {
  who: string;
  hoursFromNow: number;
  stage: InterviewStage;
  focus: string[];
  card?: (q: DemoQuestion) => Card;
};

const submitted =
  (make: (q: DemoQuestion) => ScorecardContent) =>
  (q: DemoQuestion): Card => ({ status: "submitted", content: make(q) });
const draft = (q: DemoQuestion): Card => ({ status: "draft", content: draftScorecard(q) });

// Chosen so the demo interviewer has one interview in each home-page group: upcoming,
// feedback due, overdue and submitted.
const CANDIDATES: { name: string; email: string; level: string; source: string; loop: Slot[] }[] = [
  {
    name: "Jordan Rivera",
    email: "jordan.rivera@example.net",
    level: "Senior",
    source: "Referral",
    loop: [
      {
        who: "interviewer@example.com",
        hoursFromNow: -72,
        stage: "onsite",
        focus: ["ownership", "communication"],
        card: submitted(escalationScorecard),
      },
      {
        who: "interviewer2@example.com",
        hoursFromNow: -70,
        stage: "onsite",
        focus: ["problem-solving", "execution"],
        card: submitted(metricsScorecard),
      },
      {
        who: "lena.fischer@example.com",
        hoursFromNow: -68,
        stage: "onsite",
        focus: ["collaboration", "leadership"],
        card: submitted(weConsensusScorecard),
      },
      { who: "committee@example.com", hoursFromNow: -20, stage: "final", focus: ["culture-fit"], card: draft },
    ],
  },
  {
    name: "Aisha Bello",
    email: "aisha.bello@example.net",
    level: "Mid",
    source: "Job board",
    loop: [
      {
        who: "interviewer2@example.com",
        hoursFromNow: -96,
        stage: "phone-screen",
        focus: ["communication"],
        card: submitted(escalationScorecard),
      },
      { who: "interviewer@example.com", hoursFromNow: -48, stage: "onsite", focus: ["problem-solving", "ownership"] },
      { who: "interviewer@example.com", hoursFromNow: 26, stage: "final", focus: ["leadership", "culture-fit"] },
    ],
  },
  {
    name: "Tomás Silva",
    email: "tomas.silva@example.net",
    level: "Mid",
    source: "Agency",
    loop: [
      {
        who: "lena.fischer@example.com",
        hoursFromNow: -120,
        stage: "phone-screen",
        focus: ["communication"],
        card: submitted(metricsScorecard),
      },
      {
        who: "interviewer2@example.com",
        hoursFromNow: -30,
        stage: "onsite",
        focus: ["execution"],
        card: submitted(weConsensusScorecard),
      },
      {
        who: "interviewer@example.com",
        hoursFromNow: -3,
        stage: "onsite",
        focus: ["collaboration", "problem-solving"],
        card: draft,
      },
      { who: "lena.fischer@example.com", hoursFromNow: 50, stage: "final", focus: ["leadership"] },
      { who: "committee@example.com", hoursFromNow: 52, stage: "final", focus: ["culture-fit"] },
    ],
  },
];

export async function seedDemoData(db: Kysely<DB>, now = new Date()): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute((tx) => insertDemoData(tx, passwordHash, now));
}

// Inside the caller's transaction: the first start seeds under its lock.
export async function insertDemoData(tx: Transaction<DB>, passwordHash: string, now = new Date()): Promise<void> {
  const kit = getTemplates().kitById(DEMO_KIT);
  if (!kit) throw new Error(`Demo data needs the question kit "${DEMO_KIT}" in templates/kits/`);
  const ids = new Map<string, string>();
  for (const person of PEOPLE) ids.set(person.email, await createUser(tx, { ...person, passwordHash }));

  const position = await tx
    .insertInto("positions")
    .values({
      title: "Customer Experience Manager",
      team: "Customer Success",
      level_min: "Mid",
      level_max: "Senior",
      kit_id: kit.id,
      competencies: JSON.stringify(COMPETENCY_IDS),
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  let questionIndex = 0;
  for (const person of CANDIDATES) {
    const candidate = await tx
      .insertInto("candidates")
      .values({
        position_id: position.id,
        name: person.name,
        email: person.email,
        level_applied: person.level,
        source: person.source,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await tx
      .insertInto("committee_members")
      .values({ candidate_id: candidate.id, user_id: ids.get("committee@example.com")! })
      .execute();

    for (const slot of person.loop) {
      const question = kit.questions[questionIndex++ % kit.questions.length];
      const scheduledAt = new Date(now.getTime() + slot.hoursFromNow * HOUR);
      const interview = await tx
        .insertInto("interviews")
        .values({
          candidate_id: candidate.id,
          interviewer_id: ids.get(slot.who)!,
          scheduled_at: scheduledAt,
          time_zone: "Europe/London",
          duration_minutes: 45,
          stage: slot.stage,
          focus_competencies: JSON.stringify(slot.focus),
          focus_questions: JSON.stringify([question.id]),
          kit_id: kit.id,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (!slot.card) continue;
      const card = slot.card({ id: question.id, prompt: question.prompt });
      const submittedAt = card.status === "submitted" ? new Date(scheduledAt.getTime() + 5 * HOUR) : null;
      const scorecard = await tx
        .insertInto("scorecards")
        .values({
          interview_id: interview.id,
          author_id: ids.get(slot.who)!,
          status: card.status,
          content: JSON.stringify(card.content),
          revision: card.status === "submitted" ? 1 : 0,
          submitted_at: submittedAt,
          updated_at: submittedAt ?? new Date(scheduledAt.getTime() + HOUR),
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      if (submittedAt) {
        await tx
          .insertInto("scorecard_revisions")
          .values({
            scorecard_id: scorecard.id,
            revision: 1,
            content: JSON.stringify(card.content),
            submitted_by: ids.get(slot.who)!,
            submitted_at: submittedAt,
          })
          .execute();
      }
    }
  }
}
