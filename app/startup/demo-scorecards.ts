import type { CompetencyId, RatingValue } from "~/scorecards/rubric";
import { emptyScorecard, type ScorecardContent } from "~/scorecards/scorecard.schema";

// Demo feedback, written for Panel: one finished evaluation per persona, in the shape of the
// seed evaluation (notes → summary → strengths → areas → ratings → recommendation → follow-ups
// → red flags).

const ratings = (values: RatingValue[]) =>
  Object.fromEntries(
    (
      [
        "ownership",
        "problem-solving",
        "execution",
        "collaboration",
        "communication",
        "leadership",
        "culture-fit",
      ] as CompetencyId[]
    ).map((id, i) => [id, values[i]]),
  ) as ScorecardContent["ratings"];

export type DemoQuestion = { id: string; prompt: string };

export function escalationScorecard(q: DemoQuestion): ScorecardContent {
  return {
    ...emptyScorecard(),
    answers: [
      {
        questionId: q.id,
        question: q.prompt,
        answer:
          "At my last company I ran the support desk for our largest logistics account. After a billing migration their invoices doubled for two cycles and their operations director threatened to leave. I called him the same afternoon, listened for most of the hour and wrote down every case he had raised. I found that 14 of their 40 open tickets traced back to one tax-rule bug, so I took that list to engineering and we shipped a fix within 6 days. I sent him a short written update every morning until it was closed. They renewed for another two years, and their CSAT went from 2.8 to 4.4 the next quarter. What I changed afterwards was the migration checklist: we now compare a sample of invoices before switching anyone over.",
        notes:
          "[02:10] billing migration, invoices doubled\n[04:30] called director same day, listened, wrote every case down\n[06:15] 14 of 40 tickets = one tax bug, took list to eng, fix in 6 days\n[08:00] daily written update\n[09:20] renewal 2 yrs, CSAT 2.8 -> 4.4\n[10:05] changed migration checklist afterwards",
      },
    ],
    notes: "Specific, first person throughout, numbers hang together. Asked twice who wrote the checklist: she did.",
    ratings: ratings(["strong", "meets-plus", "meets-plus", "meets", "strong", "meets", "meets-plus"]),
    recommendation: "hire",
    level: "Senior",
    summary:
      "The candidate described a billing migration that doubled a major logistics customer's invoices for two cycles. She called the customer's operations director the same day, catalogued every open case, and traced 14 of the 40 open tickets to a single tax-rule defect, which she brought to engineering; a fix shipped within six days. She kept the customer informed with a daily written update. The account renewed for two years and CSAT moved from 2.8 to 4.4 the following quarter. She changed the migration checklist afterwards so invoices are sampled before a switch. Ownership and communication read as strong; collaboration with engineering was described more briefly.",
    strengths: [
      "Took the call herself on the first day and kept a written trail",
      "Found the common cause behind many tickets instead of answering them one by one",
      "Outcome measured before and after (CSAT, renewal)",
      "Changed the process so it does not happen again",
    ],
    improvements: ["Say more about how she worked with engineering on the priority of the fix"],
    followUps: [
      "How did you convince engineering to put the tax-rule fix ahead of their planned work?",
      "What did the daily update contain, and who else received it?",
      "How do you know the CSAT change came from this fix rather than other changes that quarter?",
    ],
    redFlags: [],
    provenance: { summary: "edited", strengths: "edited", followUps: "drafted" },
  };
}

export function weConsensusScorecard(q: DemoQuestion): ScorecardContent {
  return {
    ...emptyScorecard(),
    answers: [
      {
        questionId: q.id,
        question: q.prompt,
        answer:
          "We had a customer who was really unhappy with the onboarding. We got together as a team and we decided to change the process. It was handled quickly and the customer was happy in the end. Honestly it was mostly the product team's fault because the docs were wrong, so there was not much we could do at first. I don't think I would change anything, it worked out well.",
        notes:
          "[01:40] unhappy customer, onboarding\n[03:00] 'we' throughout, asked for her part twice, no answer\n[04:45] blames product docs\n[05:30] 'customer was happy' - no measure\n[06:10] would not change anything",
      },
    ],
    notes: "Could not get to a single action she took herself.",
    ratings: ratings(["below", "below", "meets", "meets", "meets", "below", "meets"]),
    recommendation: "no-hire",
    level: "Junior–Mid",
    summary:
      "The candidate described an onboarding escalation but spoke of the team's actions throughout; when asked twice for her own part she did not name one. She attributed the cause to the product team's documentation and described the outcome only as the customer being happy, with no measure behind it. She said she would not change anything about how it was handled. Ownership, problem solving and leadership read below the bar for this level.",
    strengths: ["Calm, clear delivery", "Recognised that documentation quality affects onboarding"],
    improvements: [
      "State her own actions and decisions, not only the team's",
      "Back outcomes with something measurable",
      "Reflect on what she would do differently",
    ],
    followUps: [
      "What was the first thing you personally did when the customer escalated?",
      "How did you know the customer was satisfied at the end?",
      "Looking back, what would you do earlier next time?",
    ],
    redFlags: [
      {
        category: "ambiguity-avoidance",
        severity: 4,
        justification: "Her own role never became clear; every action was attributed to 'we'.",
        evidence: ["We got together as a team and we decided to change the process."],
        suggestion: "Describe the specific steps you took and the decisions you made yourself.",
      },
      {
        category: "blame-shifting",
        severity: 3,
        justification: "The cause was put on another team with no account of her own part.",
        evidence: ["it was mostly the product team's fault because the docs were wrong"],
        suggestion: "Explain what was in your control and what you did about it.",
      },
      {
        category: "lack-of-reflection",
        severity: 3,
        justification: "No lesson or change of behaviour when asked.",
        evidence: ["I don't think I would change anything"],
        suggestion: "Name one thing you would do differently and why.",
      },
      {
        category: "unquantified-impact",
        severity: 2,
        justification: "The outcome is a feeling, not a measure.",
        evidence: ["the customer was happy in the end"],
        suggestion: "Give a number or a checkable fact behind the outcome.",
      },
    ],
    provenance: { summary: "edited", redFlags: "edited", followUps: "drafted" },
  };
}

export function metricsScorecard(q: DemoQuestion): ScorecardContent {
  return {
    ...emptyScorecard(),
    answers: [
      {
        questionId: q.id,
        question: q.prompt,
        answer:
          "I set up our first customer health score. I pulled ticket volume, product usage and NPS into one sheet for 120 accounts, and I reviewed it weekly with the account managers. Single-handedly I turned around retention for the whole region: renewals went up 18% that year. I'd measure time to first response too, but we did not have the data then.",
        notes:
          "[03:20] health score, 120 accounts, weekly review with AMs\n[05:00] 'single-handedly turned around retention' - region-wide number, sales team also involved?\n[06:40] renewals +18%",
      },
    ],
    notes: "Good structure; credit for the regional renewal number is doubtful.",
    ratings: ratings(["meets-plus", "meets-plus", "meets", "meets", "meets-plus", "meets", "meets"]),
    recommendation: "hire",
    level: "Mid",
    summary:
      "The candidate built a first customer health score covering 120 accounts, combining ticket volume, product usage and NPS, and reviewed it weekly with account managers. He credited himself alone with the region's renewal increase of 18%, although sales and account management were also involved. The approach was structured and data-driven; the attribution of the result needs probing.",
    strengths: ["Structured, data-driven approach", "Built a repeatable weekly review"],
    improvements: ["Separate his own contribution from the region's result"],
    followUps: ["Which part of the 18% renewal increase can you tie to the health score itself?"],
    redFlags: [
      {
        category: "overclaiming",
        severity: 3,
        justification: "A region-wide renewal figure is credited to him alone.",
        evidence: ["Single-handedly I turned around retention for the whole region"],
        suggestion: "Credit the team's part and show which share of the result your work drove.",
      },
    ],
    provenance: { summary: "edited", redFlags: "drafted" },
  };
}

export function draftScorecard(q: DemoQuestion): ScorecardContent {
  return {
    ...emptyScorecard(),
    answers: [
      {
        questionId: q.id,
        question: q.prompt,
        answer: "Talked about a churn-risk account; rebuilt the QBR deck around the customer's own goals.",
        notes: "[01:00] churn risk account\n[03:30] QBR rebuilt around customer goals",
      },
    ],
    ratings: { ...emptyScorecard().ratings, communication: "meets-plus", "problem-solving": "meets" },
  };
}
