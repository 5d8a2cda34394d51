import fs from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { loadTemplates } from "~/scorecards/templates.server";
import { COMPETENCY_IDS } from "~/scorecards/rubric";
import { emptyScorecard, type ScorecardContent } from "~/scorecards/scorecard.schema";
import { fieldErrors } from "~/ui/form.server";
import { interviewSchema, newInterviewSchema } from "~/panels/interview.schema";
import { auditFilterSchema } from "~/audit/audit.server";
import { hostileText, repeatTo, runs } from "./hostile";

// Every zod schema exported from app/**/*.schema.ts, found when the test runs: a new schema
// without a valid sample below fails the "has a sample" test, so none escapes these properties.
const appDir = path.resolve(import.meta.dirname, "../../app");
const schemaFiles = fs
  .readdirSync(appDir, { recursive: true, encoding: "utf8" })
  .filter((file) => file.endsWith(".schema.ts"))
  .sort();

async function discoverSchemas(): Promise<Map<string, z.ZodType>> {
  const found = new Map<string, z.ZodType>();
  for (const file of schemaFiles) {
    const module = (await import(path.join(appDir, file))) as Record<string, unknown>;
    for (const [name, value] of Object.entries(module)) {
      if (value instanceof z.ZodType) found.set(name, value);
    }
  }
  // Factories (the interview form needs "now"): checked at a fixed instant.
  const now = () => new Date("2026-01-01T00:00:00Z");
  found.set("interviewSchema", interviewSchema(now));
  found.set("newInterviewSchema", newInterviewSchema(now));
  // The audit filter lives beside its only user (app/audit/audit.server.ts), not in a *.schema.ts.
  found.set("auditFilterSchema", auditFilterSchema);
  return found;
}

const templates = loadTemplates();
const kit = templates.kits[0];
const uuid = "6f1c2d3e-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
const card: ScorecardContent = {
  ...emptyScorecard([
    {
      questionId: "difficult-customer",
      question: "Describe a difficult customer.",
      answer: "I listened first.",
      notes: "- calm",
    },
  ]),
  ratings: Object.fromEntries(COMPETENCY_IDS.map((id) => [id, "meets"])) as ScorecardContent["ratings"],
  recommendation: "hire",
  level: "Mid",
  summary: "Calm and structured; measured the result of the fix.",
  strengths: ["Listens"],
  redFlags: [
    {
      category: "overclaiming",
      severity: 2,
      justification: "We vs I.",
      evidence: ["my dashboard"],
      suggestion: "Ask what was theirs.",
    },
  ],
  biasWarnings: [{ topic: "age", excerpt: "young", message: "Age is not a job criterion." }],
  provenance: { summary: "edited" },
};
const question = {
  question: "Describe a difficult customer.",
  answer: "I listened first.",
  notes: "calm",
  keyPoints: ["empathy"],
};
const when = {
  date: "2026-03-02",
  time: "10:30",
  timeZone: "Europe/London",
  durationMinutes: "45",
  confirmPast: false,
};
const panel = {
  ...when,
  interviewerId: uuid,
  stage: "onsite",
  focusCompetencies: ["ownership"],
  focusQuestions: ["difficult-customer"],
};
const candidate = {
  name: "Zoë Čapek",
  email: "zoe@example.com",
  levelApplied: "Mid",
  source: "referral",
  cvUrl: "https://cv.example/z",
};
const position = {
  title: "CX Manager",
  team: "Support",
  levelMin: "Junior",
  levelMax: "Senior",
  kitId: kit.id,
  competencies: ["ownership"],
};

// One valid value per schema; the properties mutate it.
const SAMPLES: Record<string, unknown> = {
  ratingValueSchema: "meets",
  ratingsSchema: card.ratings,
  redFlagSchema: card.redFlags[0],
  answerSchema: card.answers[0],
  provenanceSchema: card.provenance,
  biasWarningSchema: card.biasWarnings[0],
  scorecardContentSchema: card,
  submittableScorecardSchema: card,
  scorecardActionSchema: { intent: "amend", baseVersion: 3, content: card, reason: "Corrected a rating." },
  rubricSchema: templates.rubric,
  redFlagDefinitionSchema: templates.redFlags.overclaiming,
  redFlagTaxonomySchema: templates.redFlags,
  kitQuestionSchema: kit.questions[0],
  kitSchema: kit,
  draftQuestionSchema: question,
  draftRatingsSchema: { ownership: "meets" },
  singleQuestionInputSchema: {
    ...question,
    questionKind: "behavioral",
    ratings: { ownership: "strong" },
    recommendation: "hire",
  },
  interviewInputSchema: { questions: [question, question], notes: "general", ratings: {}, recommendation: "no-hire" },
  draftInputSchema: { questions: [question], notes: "" },
  draftSchema: {
    summary: card.summary,
    strengths: card.strengths,
    improvements: [],
    redFlags: card.redFlags,
    followUps: ["Why?"],
    biasWarnings: [],
  },
  draftRequestSchema: { content: card },
  biasCheckSchema: { text: "She is a young mother." },
  signInSchema: { email: "interviewer@example.com", password: "demo-password", redirectTo: "/interviews" },
  decisionSchema: {
    intent: "decide",
    outcome: "hire",
    level: "Mid",
    rationale: "Strong panel.",
    reason: "New reference.",
    basedOn: uuid,
  },
  candidateFields: candidate,
  candidateSchema: { ...candidate, positionId: uuid },
  newCandidateSchema: { ...candidate, positionId: uuid, idempotencyKey: uuid },
  committeeSchema: { memberIds: [uuid] },
  importSchema: { positionId: uuid, csv: "name,email\nZoë,zoe@example.com", idempotencyKey: uuid },
  whenFields: when,
  interviewSchema: panel,
  panelFields: panel,
  loopRowSchema: {
    date: when.date,
    time: when.time,
    durationMinutes: "45",
    interviewerId: uuid,
    focusCompetencies: ["ownership"],
    focusQuestions: ["difficult-customer"],
  },
  voteSchema: { outcome: "hire", reason: "Clear ownership in every interview.", intent: "vote" },
  packetIntentSchema: { intent: "vote" },
  packetActionSchema: { intent: "vote", outcome: "hire", reason: "Clear ownership in every interview." },
  candidateActionSchema: { intent: "archive" },
  importActionSchema: {
    intent: "preview",
    positionId: uuid,
    csv: "name,email\nZoë,zoe@example.com",
    idempotencyKey: uuid,
  },
  personActionSchema: { intent: "deactivate" },
  positionActionSchema: { intent: "close" },
  timeZoneSchema: { timeZone: "Europe/London" },
  changePasswordSchema: {
    current: "old password 1",
    password: "a long new passphrase 7",
    confirm: "a long new passphrase 7",
  },
  resetPasswordSchema: { password: "a long new passphrase 7", confirm: "a long new passphrase 7" },
  removedQuestionSchema: { ...card.answers[0], removedAt: "2026-12-02T08:00:00.000Z" },
  candidateListSchema: { q: "zoë", position: uuid, stage: "onsite", decision: "pending", sort: "name" },
  retrySchema: { intent: "retry", queue: "mail.send", id: uuid },
  cadenceSchema: {
    intent: "save",
    firstAfterMinutes: "60",
    dailyHour: "9",
    workingDays: ["1", "2", "3", "4", "5"],
    escalateAfterDays: "2",
  },
  muteSchema: { intent: "mute", reason: "On leave until Monday." },
  kitQuestionFormSchema: { ...kit.questions[0], source: "" },
  kitFormSchema: {
    id: kit.id,
    title: kit.title,
    position: "",
    baseVersion: "1",
    questions: [{ ...kit.questions[0], source: "" }],
  },
  newInterviewSchema: { ...panel, idempotencyKey: uuid },
  cancelSchema: { reason: "Candidate withdrew." },
  kitPageActionSchema: { intent: "duplicate" },
  rubricFormSchema: { baseVersion: 1, ...templates.rubric },
  redFlagsFormSchema: { baseVersion: 1, flags: templates.redFlags },
  inviteSchema: { email: "new@example.com", roles: ["interviewer"], idempotencyKey: uuid },
  rolesSchema: { intent: "roles", roles: ["recruiter", "committee"] },
  invitationActionSchema: { intent: "resend", invitationId: uuid },
  acceptSchema: { email: "", name: "Ana Lima", password: "correct horse battery", confirm: "correct horse battery" },
  positionSchema: position,
  newPositionSchema: { ...position, idempotencyKey: uuid },
  reportFiltersSchema: {
    from: "2026-01-01",
    to: "2026-01-31",
    position: uuid,
    stage: "onsite",
    recommendation: "hire",
    decision: "none",
    sort: "date",
    dir: "asc",
    page: "2",
  },
  auditFilterSchema: { actor: uuid, action: "sign-in", from: "2026-01-01", to: "2026-01-31", before: "120" },
  ssoAdminSchema: { intent: "policy", ssoRequired: "on", breakGlassUserId: uuid },
  scimBoolean: "False",
  scimUserSchema: {
    schemas: ["urn:ietf:params:scim:schemas:core:2.0:User"],
    userName: "ada@example.com",
    name: { givenName: "Ada", familyName: "Lovelace" },
    emails: [{ value: "ada@example.com", primary: true }],
    active: true,
  },
  scimPatchSchema: {
    schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"],
    Operations: [{ op: "Replace", path: "active", value: false }],
  },
  listQuerySchema: { filter: 'userName eq "ada@example.com"', startIndex: "1", count: "10" },
};

type Path = (string | number)[];

// Where a value could be swapped: every leaf and every container below the root.
function slots(value: unknown, at: Path = []): Path[] {
  const here = at.length ? [at] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => slots(v, [...at, i]))];
  if (value && typeof value === "object")
    return [...here, ...Object.entries(value).flatMap(([k, v]) => slots(v, [...at, k]))];
  return here;
}

function replaced(value: unknown, at: Path, by: unknown): unknown {
  if (at.length === 0) return by;
  const [head, ...rest] = at;
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = replaced(copy[head], rest, by);
  return copy;
}

// A replacement: hostile text most of the time, else any JSON-ish value (numbers, objects, null…).
const replacement = fc.oneof(
  { weight: 3, arbitrary: hostileText() },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
);

// "Names a field": a path into the input, the unexpected keys themselves (strict objects), or,
// for a union, a field in every branch's complaint.
function namesAField(issue: z.core.$ZodIssue): boolean {
  if (issue.path.length > 0) return true;
  if (issue.code === "unrecognized_keys") return issue.keys.length > 0;
  if (issue.code === "invalid_union")
    return issue.errors.length > 0 && issue.errors.every((branch) => branch.some(namesAField));
  return false;
}

function expectClearError(result: z.ZodSafeParseResult<unknown>, inputIsObject: boolean) {
  if (result.success) return;
  for (const issue of result.error.issues) {
    expect(issue.message.trim().length).toBeGreaterThan(0);
    if (inputIsObject) expect(namesAField(issue), JSON.stringify(issue).slice(0, 300)).toBe(true);
  }
  // The form helper turns the same error into keyed field messages without throwing.
  expect(Object.keys(fieldErrors(result.error)).length).toBeGreaterThan(0);
}

const schemas = await discoverSchemas();

describe("every zod schema in app/**/*.schema.ts", () => {
  it("was found and has a valid sample that it accepts", () => {
    expect(schemaFiles.length).toBeGreaterThan(5);
    const missing = [...schemas.keys()].filter((name) => !(name in SAMPLES));
    expect(missing, "add a valid sample for each new schema to SAMPLES").toEqual([]);
    for (const [name, schema] of schemas) {
      const result = schema.safeParse(SAMPLES[name]);
      expect(result.success ? "ok" : `${name}: ${JSON.stringify(result.error.issues[0])}`).toBe("ok");
    }
  });

  it.each([...schemas.keys()])("%s never throws on arbitrary input", (name) => {
    const schema = schemas.get(name)!;
    fc.assert(
      fc.property(fc.anything({ maxDepth: 3 }), (input) => {
        const result = schema.safeParse(input);
        if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
      }),
      runs(30),
    );
  });

  it.each([...schemas.keys()].filter((name) => name in SAMPLES))(
    "%s: hostile values anywhere give a result or a field error",
    (name) => {
      const schema = schemas.get(name)!;
      const sample = SAMPLES[name];
      const places = slots(sample);
      const isObject = typeof sample === "object" && sample !== null;
      const mutation = places.length
        ? fc.array(fc.tuple(fc.nat(places.length - 1), replacement), { minLength: 1, maxLength: 3 })
        : fc.constant([] as [number, unknown][]);
      fc.assert(
        fc.property(mutation, replacement, (changes, rootValue) => {
          const input = places.length
            ? changes.reduce((acc, [i, by]) => replaced(acc, places[i], by), sample)
            : rootValue;
          expectClearError(schema.safeParse(input), isObject);
        }),
        runs(25),
      );
    },
  );
});

describe("field limits count what zod counts", () => {
  it("accepts notes of exactly 50,000 characters (code points) and names the field one past it", () => {
    const schema = schemas.get("scorecardContentSchema")!;
    fc.assert(
      fc.property(
        fc.constantFrom(50_000, 50_001),
        fc.string({ unit: "grapheme", minLength: 1, maxLength: 4 }),
        (length, chunk) => {
          const notes = repeatTo(chunk, length);
          const result = schema.safeParse({ ...card, notes });
          if (length === 50_000) expect(result.success).toBe(true);
          else
            expect(result.success ? {} : fieldErrors(result.error)).toHaveProperty(
              "notes",
              expect.stringMatching(/Notes is too long/),
            );
        },
      ),
      runs(6),
    );
  });
});
