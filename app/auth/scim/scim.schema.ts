import { z } from "zod";

export const USER_SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:User";
export const PATCH_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
export const LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";
export const ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

// Provisioning clients write booleans as JSON booleans, and some (Entra ID) as "True"/"False".
export const scimBoolean = z.union([
  z.boolean(),
  z.enum(["true", "false", "True", "False", "TRUE", "FALSE"]).transform((v) => v.toLowerCase() === "true"),
]);

const text = (max: number) => z.string().trim().max(max);

// The core User attributes Panel keeps; others a client sends (title, addresses…) are dropped.
export const scimUserSchema = z
  .object({
    schemas: z.array(z.string()).refine((s) => s.includes(USER_SCHEMA), { message: `must include ${USER_SCHEMA}` }),
    userName: text(320).min(1, { message: "is required" }),
    externalId: text(255).optional(),
    displayName: text(200).optional(),
    name: z
      .object({ formatted: text(200).optional(), givenName: text(100).optional(), familyName: text(100).optional() })
      .optional(),
    emails: z
      .array(z.object({ value: text(320), primary: scimBoolean.optional(), type: z.string().optional() }))
      .optional(),
    active: scimBoolean.optional(),
  })
  // Panel's accounts are email addresses: userName is one, or else the primary email is.
  .transform((user, ctx) => {
    const email = EMAIL.test(user.userName)
      ? user.userName
      : (user.emails?.find((e) => e.primary) ?? user.emails?.[0])?.value;
    if (!email || !EMAIL.test(email)) {
      ctx.addIssue({
        code: "custom",
        path: ["userName"],
        message: "must be an email address (or emails must hold one)",
      });
      return z.NEVER;
    }
    const given = [user.name?.givenName, user.name?.familyName].filter(Boolean).join(" ");
    const name = user.displayName || user.name?.formatted || given || email;
    return { email: email.toLowerCase(), name, externalId: user.externalId ?? null, active: user.active ?? true };
  });
export type ScimUserInput = z.output<typeof scimUserSchema>;

export const scimPatchSchema = z.object({
  schemas: z.array(z.string()).refine((s) => s.includes(PATCH_SCHEMA), { message: `must include ${PATCH_SCHEMA}` }),
  Operations: z
    .array(
      z.object({
        op: z
          .string()
          .transform((op) => op.toLowerCase())
          .pipe(z.enum(["add", "replace", "remove"], { message: "must be add, replace or remove" })),
        path: z.string().optional(),
        value: z.unknown().optional(),
      }),
    )
    .min(1, { message: "needs at least one operation" }),
});
export type ScimPatch = z.output<typeof scimPatchSchema>;

export const listQuerySchema = z.object({
  filter: z
    .string()
    .regex(/^userName eq "[^"]*"$/i, { message: 'only userName eq "…" is supported' })
    .transform((f) => f.slice(f.indexOf('"') + 1, -1))
    .optional(),
  startIndex: z.coerce
    .number()
    .int()
    .catch(1)
    .transform((n) => Math.max(1, n)),
  count: z.coerce
    .number()
    .int()
    .catch(100)
    .transform((n) => Math.min(Math.max(0, n), 200)),
});
