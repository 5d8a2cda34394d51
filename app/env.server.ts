import { z } from "zod";

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: z.string().min(1).optional(),
  PGLITE_DIR: z.string().min(1).optional(),
  SESSION_SECRET: z.string().min(32, { message: "must be at least 32 characters" }).optional(),
  DEMO_DATA: z.enum(["0", "1"]).default("1"),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, { message: "must be at least 12 characters" }).optional(),
  TEMPLATES_DIR: z.string().min(1).optional(),
  // The base of every link the app writes (emails, invitations, webhooks, PDFs, OIDC redirects).
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://panel.example.com" })
    .transform((url) => url.replace(/\/+$/, ""))
    .optional(),
  // Unset: nothing is sent; every message waits in the outbox that admins read (/admin/outbox).
  SMTP_URL: z
    .url({ protocol: /^smtps?$/, message: "must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.com:587" })
    .optional(),
  MAIL_FROM: z.string().min(3).default("Panel <panel@localhost>"),
  // Defaults for the reminder cadence; admins can override them at /admin/notifications.
  REMINDER_FIRST_AFTER_MINUTES: z.coerce.number().int().min(0).max(7 * 24 * 60).default(60),
  REMINDER_DAILY_HOUR: z.coerce.number().int().min(0).max(23).default(9),
  REMINDER_WORKING_DAYS: z
    .string()
    .regex(/^[1-7](,[1-7])*$/, { message: "must list ISO weekdays 1 (Monday) to 7 (Sunday), e.g. 1,2,3,4,5" })
    .default("1,2,3,4,5"),
  REMINDER_ESCALATE_AFTER_DAYS: z.coerce.number().int().min(1).max(60).default(2),
  // How often each instance asks the queue for a reminder run.
  NOTIFICATIONS_TICK_SECONDS: z.coerce.number().int().min(5).max(3600).default(30),
});
export type Env = z.infer<typeof envSchema>;

export class ConfigError extends Error {}

// Parsed once at start; a bad value stops the app with one line naming the variable.
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(`Bad configuration: ${issue.path.join(".")} ${issue.message}`);
  }
  const env = result.data;
  if (env.DATABASE_URL && !env.SESSION_SECRET && env.NODE_ENV === "production") {
    throw new ConfigError("Bad configuration: SESSION_SECRET is required in production with DATABASE_URL (at least 32 characters)");
  }
  return env;
}

let current: Env | undefined;

// The settings this process started with, parsed once; later reads never touch process.env.
export function getSettings(): Env {
  current ??= parseEnv();
  return current;
}

// Start-up (and tests that start servers in-process) hand over what they parsed.
export function useSettings(env: Env): void {
  current = env;
}

// PUBLIC_URL, or the local address the server listens on when it is unset.
export function publicUrl(env: Pick<Env, "PUBLIC_URL" | "PORT"> = getSettings()): string {
  return env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}
