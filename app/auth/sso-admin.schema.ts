import { z } from "zod";
import { checkbox, requiredText } from "~/ui/form-fields";

// The forms on the Single sign-on admin page, told apart by intent.
export const ssoAdminSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("policy"),
      ssoRequired: checkbox,
      breakGlassUserId: z
        .union([z.literal("").transform(() => null), z.uuid({ error: "Choose an admin" })])
        .default(""),
    }),
    z.object({
      intent: z.literal("create-token"),
      label: requiredText("Name the token, e.g. the provider it is for", 100),
    }),
    z.object({ intent: z.literal("revoke-token"), tokenId: z.uuid({ error: "No such token" }) }),
  ],
  { error: "Unknown action" },
);
export type SsoAdminInput = z.output<typeof ssoAdminSchema>;
