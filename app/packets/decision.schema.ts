import { z } from "zod";
import { intentOr } from "~/ui/intents";
import { HIRING_LEVELS } from "~/scorecards/rubric";
import { DECISION_OUTCOMES } from "~/vocabulary/decisions";

export const DECISION_LIMITS = { rationale: 10_000, reason: 2_000, vote: 300 } as const;

const text = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { message: `${label} is too long: at most ${max.toLocaleString("en-US")} characters` });

// One schema for the decision form and its action. `basedOn` is the decision the form was
// loaded with ("" for none): a revision must say why, and a stale form must not silently win.
export const decisionSchema = z
  .object({
    intent: z.literal("decide"),
    outcome: z.enum(DECISION_OUTCOMES, { message: "Choose hire, no hire or more interviews" }),
    level: z.enum(["", ...HIRING_LEVELS], { message: "Choose one of the listed levels" }),
    rationale: text(DECISION_LIMITS.rationale, "The rationale").min(1, {
      message: "Write the rationale for this decision",
    }),
    // Absent from the form until there is a decision to revise.
    reason: text(DECISION_LIMITS.reason, "The reason").default(""),
    // Required by the server when scorecards are still missing (only it knows for sure).
    earlyReason: text(DECISION_LIMITS.reason, "The reason").default(""),
    basedOn: z.string(),
  })
  .superRefine((value, ctx) => {
    if (value.outcome === "hire" && value.level === "") {
      ctx.addIssue({ code: "custom", path: ["level"], message: "Choose the level to hire at" });
    }
    if (value.basedOn !== "" && value.reason === "") {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Say why the decision is being revised" });
    }
  });

// What the server functions take: the intent has done its work once the action has branched on it.
export type DecisionInput = Omit<z.output<typeof decisionSchema>, "intent">;

// A committee member's debrief vote: an outcome and one line of why.
export const voteSchema = z.object({
  intent: z.literal("vote"),
  outcome: z.enum(DECISION_OUTCOMES, { message: "Choose hire, no hire or more interviews" }),
  reason: text(DECISION_LIMITS.vote, "The reason")
    .min(1, { message: "Give your reason in one line" })
    .refine((v) => !/[\r\n]/.test(v), { message: "Keep the reason to one line" }),
});
export type VoteInput = Omit<z.output<typeof voteSchema>, "intent">;
export type VoteFields = z.input<typeof voteSchema>;
export type DecisionFields = z.input<typeof decisionSchema>;

// The packet page posts one of two forms; the guard reads the intent before anything else (a
// post without one is the decision form as it always was), then the action parses the union.
export const PACKET_INTENTS = ["decide", "vote"] as const;
export type PacketIntent = (typeof PACKET_INTENTS)[number];
export const packetIntentSchema = z.object({ intent: z.enum(PACKET_INTENTS).catch("decide") });
export const packetActionSchema = z.preprocess(
  intentOr("decide"),
  z.discriminatedUnion("intent", [decisionSchema, voteSchema]),
);
