import { z } from "zod";
import { ROLES, type Role } from "~db/schema";
import { idempotencyKey, listOf, requiredText } from "~/ui/form-fields";

const role = z.enum(ROLES as readonly Role[] as [Role, ...Role[]], { error: "Unknown role" });

export const inviteSchema = z.object({
  email: z.email({ error: "Enter a valid email address" }).max(320),
  roles: listOf(role).pipe(z.array(role).min(1, { error: "Give the new user at least one role" })),
  idempotencyKey,
});
export type InviteInput = z.input<typeof inviteSchema>;

export const rolesSchema = z.object({ intent: z.literal("roles"), roles: listOf(role) });
export type RolesInput = z.input<typeof rolesSchema>;

// The person page's forms. A post without an intent is the roles form, as it was before the
// page had several forms.
export const personActionSchema = z.preprocess(
  (value) => (value && typeof value === "object" && !("intent" in value) ? { ...value, intent: "roles" } : value),
  z.discriminatedUnion(
    "intent",
    [
      rolesSchema,
      z.object({ intent: z.literal("deactivate") }),
      z.object({ intent: z.literal("reactivate") }),
      z.object({ intent: z.literal("reset-password") }),
    ],
    { error: "Choose what to change" },
  ),
);

export const MIN_PASSWORD = 12;

const password = z
  .string()
  .min(MIN_PASSWORD, { error: `Use at least ${MIN_PASSWORD} characters` })
  .max(1024, { error: "At most 1,024 characters" })
  // Twelve spaces are not a password: spaces at either end do not count towards the length.
  .refine((value) => value.trim().length >= MIN_PASSWORD, {
    error: `Use at least ${MIN_PASSWORD} characters besides spaces`,
  });

// Accepting an invitation; the email is asked for only on the one-time setup link.
export const acceptSchema = z
  .object({
    email: z.union([z.literal(""), z.email({ error: "Enter a valid email address" })]).default(""),
    name: requiredText("Enter your name"),
    password,
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], error: "The two passwords differ" });
export type AcceptInput = z.input<typeof acceptSchema>;

// The buttons beside each open invitation.
const invitationId = z.uuid({ error: "No such invitation" });
export const invitationActionSchema = z.discriminatedUnion(
  "intent",
  [z.object({ intent: z.literal("revoke"), invitationId }), z.object({ intent: z.literal("resend"), invitationId })],
  { error: "Choose to revoke or resend the invitation" },
);

const confirmed = (v: { password: string; confirm: string }) => v.password === v.confirm;
const differ = { path: ["confirm"], error: "The two passwords differ" };

// Changing one's own password: the current one first.
export const changePasswordSchema = z
  .object({ current: z.string().min(1, { error: "Enter your current password" }), password, confirm: z.string() })
  .refine(confirmed, differ);

// Setting a new password through an admin's reset link.
export const resetPasswordSchema = z.object({ password, confirm: z.string() }).refine(confirmed, differ);
