import { describe, expect, it } from "vitest";
import { checkBias } from "~/assistant/bias.server";
import { parseDraftInput, type DraftInput } from "~/assistant/draft.schema";
import { draftScorecard } from "~/assistant/drafter.server";
import { analyse } from "~/assistant/language.server";
import { PhraseList, SIGNALS } from "~/assistant/lexicon.server";
import * as S from "~/assistant/signals.server";
import { thirdPerson } from "~/assistant/summary.server";

// The clause reading behind the drafter (who a clause is about, modality, reflection) and the
// word lists as data: stems make a listed word match its plurals and inflections.

const draft = (input: DraftInput) => draftScorecard(parseDraftInput(input).data!);
const base = { question: "Tell me about a time a project went wrong.", notes: "", ratings: {} };
const flags = (answer: string, notes = "") => draft({ ...base, answer, notes }).redFlags.map((f) => f.category);
const words = (text: string) => analyse(text).sentences[0].tokens;

describe("lexicon", () => {
  it("matches plurals and inflections of a listed phrase", () => {
    const list = PhraseList.of(["kid", "credit herself", "blame the"]);
    expect(list.has(words("She has three kids."))).toBe(true);
    expect(list.has(words("Notes: credits herself with the churn drop."))).toBe(true);
    expect(list.has(words("He blamed the warehouse."))).toBe(true);
    expect(list.has(words("The kidney unit."))).toBe(false);
  });
  it("spells out contractions in entries the way the parser does", () => {
    expect(SIGNALS.noChange.has(words("Honestly I wouldn't change a thing."))).toBe(true);
    expect(SIGNALS.explicitBlame.has(words("It wasn't my fault at all."))).toBe(true);
  });
});

describe("clauses", () => {
  it("reads an answer made of 'I would…' as hypothetical, even with past tenses inside its 'if' clauses", () => {
    const answer =
      "If a patient complained about the wait, I would apologise first. If the delay came from the lab, I'd call them and I would explain it to the family. I would write it up afterwards.";
    expect(flags(answer)).toContain("hypothetical-answer");
  });
  it("counts 'should have' as reflection only when the candidate is its subject", () => {
    const other = analyse("The finance team should have sent the numbers on Monday.").sentences[0];
    const own = analyse("Looking back, I should have checked the numbers myself.").sentences[0];
    expect(other.clauses[0]).toMatchObject({ subject: "person", counterfactual: true });
    expect(own.clauses.some((c) => c.subject === "self" && c.counterfactual)).toBe(true);
    const blamed = flags(
      "The launch slipped by two weeks. The finance team should have sent the numbers on Monday. The parents never returned the forms either.",
    );
    expect(blamed).toContain("blame-shifting");
  });
  it("finds credit taken through a noun phrase but not ordinary verbs with a second sense", () => {
    expect(flags("Thanks to my strategy the region grew 20% in a year. The team ran the events.")).toContain(
      "overclaiming",
    );
    expect(
      flags(
        "I owned the rota for the ward and I ran late twice in March, so I moved my handover to 7:40. Since then I check the rota every Friday.",
      ),
    ).not.toContain("overclaiming");
  });
  it("finds the subject after a phrase of time, inside 'of' phrases and in roles the word list lacks", () => {
    const subjects = (text: string) => analyse(text).sentences[0].clauses.map((c) => [c.subject, c.subjectText]);
    expect(subjects("On New Year's Eve two chefs didn't turn up.")[0]).toEqual(["person", "two chefs"]);
    expect(subjects("And the front of house team kept overbooking tables.")[0]).toEqual([
      "person",
      "the front of house team",
    ]);
    expect(subjects("The deputy should have been there.")[0]).toEqual(["person", "The deputy"]);
    expect(subjects("And, er, the transport office should've rerouted them.").at(-1)).toEqual([
      "person",
      "the transport office",
    ]);
  });
  it("reads what another person said as their view, not the candidate's reflection", () => {
    const reported = analyse("My manager said I should have built more pipeline in Q2.").sentences[0];
    expect(reported.clauses.find((c) => c.counterfactual)).toMatchObject({ subject: "self", reported: true });
    const own = analyse("I think I should have built more pipeline in Q2.").sentences[0];
    expect(own.clauses.some((c) => c.counterfactual && !c.reported)).toBe(true);
    expect(
      flags(
        "In Q3 I closed 62% of quota. My manager said I should have built more pipeline in Q2, but the marketing team didn't deliver any leads and the SDRs weren't booking meetings. So I'd say it was a tough market all round.",
      ),
    ).toEqual(expect.arrayContaining(["blame-shifting", "lack-of-reflection"]));
  });
  it("reads others given as the cause of a problem as blame, and others' trouble the candidate acted on as the situation", () => {
    expect(
      flags(
        "The groundworks ran three weeks over because the subcontractors kept walking off site and the architects changed the drawings twice.",
      ),
    ).toContain("blame-shifting");
    const situation = draft({
      ...base,
      question: "Tell me about a complex patient you cared for.",
      answer:
        "Her blood sugars were swinging between 3 and 19 because she kept refusing meals, so I worked with the diabetes nurse on a sliding scale. Over five days her sugars settled between 6 and 11 and she went to theatre on day three as planned, which was what the surgeons wanted.",
    }).redFlags;
    expect(situation.filter((f) => f.severity >= 3)).toEqual([]);
  });
  it("keeps the second sense of a word out of credit and reflection", () => {
    expect(
      flags(
        "I carried the urgent pharmacy boxes to a colleague's van and drove the rest in a hire van. Only two of 46 parcels were missed.",
      ),
    ).not.toContain("overclaiming");
    const lesson = analyse("I delivered my lessons exactly as planned that week.").sentences[0];
    expect(S.reflects(lesson)).toBe(false);
    expect(S.reflects(analyse("The biggest lesson I took was to check the plan first.").sentences[0])).toBe(true);
  });
  it("reads credit, vagueness and unmeasured results in wording the lists never saw", () => {
    expect(
      flags("The hotel went from 3.9 to 4.6 on TripAdvisor in a year, and honestly that was me. I rewrote check-in."),
    ).toContain("overclaiming");
    expect(flags("It was not me who broke it, that was the night team. I fixed it by 6 am.")).not.toContain(
      "overclaiming",
    );
    const vague = draft({
      ...base,
      question: "What was your part in fixing the VAT error?",
      answer: "It got picked up and sorted between us and the advisers, and the right adjustments were put through.",
    }).redFlags;
    expect(vague.map((f) => f.category)).toContain("ambiguity-avoidance");
    expect(
      flags(
        "I introduced a seating plan and a silent start to every lesson. Behaviour in my Year 10 group was transformed and their work got noticeably stronger.",
      ),
    ).toContain("unquantified-impact");
    expect(analyse("Extra people were brought in and the process was simplified.").sentences[0].passive).toBe(true);
    expect(analyse("I was tired of the old process.").sentences[0].passive).toBe(false);
    expect(SIGNALS.explicitBlame.has(words("It was not really my fault."))).toBe(true);
    expect(SIGNALS.explicitBlame.has(words("It was not entirely my fault."))).toBe(false);
  });
  it("compares a year in the notes with the answer, not years within one story", () => {
    const answer = "I joined Kestrel Software in 2020 and over four years I built the public sector vertical.";
    expect(flags(answer, "LinkedIn: joined Kestrel 2022.")).toContain("inconsistency");
    expect(
      flags("I joined Kestrel in 2019 and left Kestrel in 2022 after the vertical reached 31 customers."),
    ).not.toContain("inconsistency");
  });
  it("uses the notes: prompting, credit-taking and a figure that contradicts the answer", () => {
    const answer =
      "In my five years there I set up the returns desk and trained 12 people on it. I learned to write the process down first.";
    expect(flags(answer, "CV: 3 years there.")).toContain("inconsistency");
    expect(flags(answer, "Needed prompting twice before giving specifics.")).toContain("ambiguity-avoidance");
    expect(flags(answer, "Credits herself with the churn drop the whole team worked on.")).toContain("overclaiming");
    expect(flags(answer, "Reference says the returns desk was built by a team of four.")).toContain("overclaiming");
  });
});

describe("committee prose", () => {
  it("resolves 'I'd' by meaning and drops spoken filler", () => {
    expect(thirdPerson("Um, so I'd call the client first, you know.")).toBe("They would call the client first.");
    expect(thirdPerson("I'd already left when it broke.")).toBe("They had already left when it broke.");
  });
  it("writes one paragraph per question and never labels blame as reflection", () => {
    const result = draft({
      questions: [
        {
          question: "Tell me about a missed deadline.",
          answer:
            "That's a good question. The vendor should have delivered the parts on time. I rebuilt the schedule in a weekend and we shipped 3 days late.",
          notes: "",
        },
        {
          question: "Tell me about a disagreement.",
          answer:
            "I disagreed with Ana about the rota. I showed her the overtime figures, 14 hours a week, and we split the weekend shifts.",
          notes: "",
        },
      ],
      notes: "",
      ratings: { execution: "below" },
    });
    expect(result.summary.split("\n\n").length).toBeGreaterThanOrEqual(3);
    expect(result.summary).not.toMatch(/good question|reflection, the candidate said that the vendor/i);
    expect(result.summary).toContain("3 days late");
    expect(result.improvements.some((line) => line.startsWith("Execution") || line.includes("Execution"))).toBe(true);
    expect(result.followUps.some((q) => q.includes("rebuilt the schedule in a weekend"))).toBe(true);
  });
});

describe("bias warnings are about the candidate", () => {
  it.each([
    ["She is expecting, so the travel may be hard.", "family-status"],
    ["A real family man, steady.", "family-status"],
    ["Young mum so might not manage the travel.", "family-status"],
    ["Speaks broken English with customers.", "national-origin"],
    ["Originally from Lagos.", "national-origin"],
    ["Probably wants to retire soon.", "age"],
    ["Reminds me of myself at that age.", "age"],
    ["Would have a beer with him any day.", "other"],
    ["Mother of three, so she may not want the rotating nights.", "family-status"],
    ["Polish lad, they're always hard workers.", "national-origin"],
    ["Her name is really hard to say.", "national-origin"],
    ["Has a noticeable stammer, might struggle on the phones.", "disability-health"],
    ["Looked quite unwell, maybe health stuff going on.", "disability-health"],
    ["Asked for a quiet room to pray at lunch.", "religion"],
  ])("warns on %j (%s)", (note, topic) => {
    expect(checkBias(note).map((w) => w.topic)).toContain(topic);
  });
  it.each([
    "Migrated a 20-year-old mainframe to the cloud.",
    "Won the client's halal butcher shops as a new segment.",
    "Fixed the wheelchair ramp at dock 4.",
    "Found a blind-spot in the alerting.",
    "It was crazy busy on the ward that night.",
    "Explained the patient's diabetes care plan and the surgery checklist clearly.",
    "Situational question, so 'would' is expected.",
    "Fast on the recall. Calm.",
    "Trained mental health first aider.",
    "Very polished presentation.",
    "Handled the patient's mother's complaint calmly.",
  ])("stays quiet on %j", (note) => {
    expect(checkBias(note)).toEqual([]);
  });
});
