import { z } from "zod";
import { ROLES, type Role } from "~db/schema";

// "panel-admins=admin,recruiting=recruiter": a claim value on the left, a Panel role on the right.
function parseRoleMap(text: string, ctx: z.RefinementCtx): Record<string, Role[]> {
  const map: Record<string, Role[]> = {};
  for (const pair of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [value, role] = pair.split("=").map((p) => p?.trim());
    if (!value || !ROLES.includes(role as Role)) {
      ctx.addIssue({
        code: "custom",
        message: `has "${pair}": write claim-value=role with a role among ${ROLES.join(", ")}`,
      });
      return z.NEVER;
    }
    (map[value] ??= []).push(role as Role);
  }
  return map;
}

const OIDC_CORE = ["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_ALLOWED_DOMAINS"] as const;

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
  // Single sign-on (OIDC): the four core settings come together or not at all (checked below).
  OIDC_ISSUER: z.url({ protocol: /^https?$/, message: "must be the provider's issuer URL" }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_ALLOWED_DOMAINS: z
    .string()
    .transform((list) =>
      list
        .split(",")
        .map((d) => d.trim().toLowerCase())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(
          z
            .string()
            .regex(/^[a-z0-9.-]+\.[a-z]{2,}$/, { message: "must list email domains, e.g. example.com,example.org" }),
        )
        .min(1),
    )
    .optional(),
  OIDC_PROVIDER_NAME: z.string().min(1).optional(),
  OIDC_ROLE_CLAIM: z.string().min(1).optional(),
  OIDC_ROLE_MAP: z
    .string()
    .transform((text, ctx) => parseRoleMap(text, ctx))
    .optional(),
  OIDC_SCOPES: z.string().min(1).default("openid email profile"),
  // Set by `npm run dev` (Remix's dev server): the app reloads each rebuild and pages live-reload.
  REMIX_DEV_ORIGIN: z.url().optional(),
  // 1: GET /_bench/event-loop answers the event-loop delay since the last call (for npm run bench only).
  PANEL_BENCH_METRICS: z.enum(["0", "1"]).default("0"),
  // The writing assistant's model server (optional); see README's Configuration table.
  ASSISTANT_PROVIDER: z.enum(["built-in", "openai-compatible"]).default("built-in"),
  ASSISTANT_BASE_URL: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL such as http://localhost:11434/v1" })
    .optional(),
  ASSISTANT_MODEL: z.string().min(1).optional(),
  // Local servers accept any key; the SDK insists on one.
  ASSISTANT_API_KEY: z.string().min(1).default("none"),
  ASSISTANT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  // How long one database statement may run (PostgreSQL), or wait for the one connection (PGlite),
  // before the request answers 503.
  DATABASE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  // Connections each instance keeps to PostgreSQL.
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // 1: session cookies without the Secure flag even in production (plain http behind a trusted
  // network, e.g. a trial on a LAN). Never on the internet.
  INSECURE_COOKIES: z.enum(["0", "1"]).default("0"),
  // A session not used for this long ends (it ends after 12 hours in any case).
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(720).default(120),
  // How many proxies (load balancers) sit in front: the client address is then read from
  // X-Forwarded-For, which only they may set. 0: the address of the TCP connection.
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  // Unset: nothing is sent; every message waits in the outbox that admins read (/admin/outbox).
  SMTP_URL: z
    .url({
      protocol: /^smtps?$/,
      message: "must be an smtp:// or smtps:// URL such as smtp://user:pass@mail.example.com:587",
    })
    .optional(),
  MAIL_FROM: z.string().min(3).default("Panel <panel@localhost>"),
  // Defaults for the reminder cadence; admins can override them at /admin/notifications.
  REMINDER_FIRST_AFTER_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
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
// Every variable Panel reads; the README's Configuration table is checked against this list.
export const SETTING_NAMES = Object.keys(envSchema.shape) as (keyof Env)[];

export class ConfigError extends Error {}

// Parsed once at start; a bad value stops the app with one line naming the variable.
export function parseEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ConfigError(`Bad configuration: ${issue.path.join(".")} ${issue.message}`);
  }
  const env = result.data;
  if (env.ASSISTANT_PROVIDER === "openai-compatible" && (!env.ASSISTANT_BASE_URL || !env.ASSISTANT_MODEL)) {
    throw new ConfigError(
      `Bad configuration: ${env.ASSISTANT_BASE_URL ? "ASSISTANT_MODEL" : "ASSISTANT_BASE_URL"} is required with ASSISTANT_PROVIDER=openai-compatible`,
    );
  }
  if (env.DATABASE_URL && !env.SESSION_SECRET && env.NODE_ENV === "production") {
    throw new ConfigError(
      "Bad configuration: SESSION_SECRET is required in production with DATABASE_URL (at least 32 characters)",
    );
  }
  const missing = OIDC_CORE.filter((name) => !env[name]);
  if (missing.length > 0 && missing.length < OIDC_CORE.length) {
    throw new ConfigError(
      `Bad configuration: ${missing.join(", ")} must be set too (single sign-on needs ${OIDC_CORE.join(", ")})`,
    );
  }
  return env;
}

// On globalThis: the server entry and the Remix build are separate bundles, each with its own copy
// of this module, and both must see what start-up settled (such as the session secret).
const holder = globalThis as unknown as { __panelSettings?: Env };

// The settings this process started with, parsed once; later reads never touch process.env.
export function getSettings(): Env {
  holder.__panelSettings ??= parseEnv();
  return holder.__panelSettings;
}

// Start-up (and tests that start servers in-process) hand over what they parsed.
export function useSettings(env: Env): void {
  holder.__panelSettings = env;
}

// Start-up makes sure there is one (from the setting, or kept beside PGlite's data).
export function sessionSecret(env: Env = getSettings()): string {
  if (!env.SESSION_SECRET) throw new Error("SESSION_SECRET was not set at start-up");
  return env.SESSION_SECRET;
}

// Cookies carry Secure (and the __Host- prefix) in production unless INSECURE_COOKIES=1.
export function secureCookies(env: Env = getSettings()): boolean {
  return env.NODE_ENV === "production" && env.INSECURE_COOKIES !== "1";
}

// PUBLIC_URL, or the local address the server listens on when it is unset.
export function publicUrl(env: Pick<Env, "PUBLIC_URL" | "PORT"> = getSettings()): string {
  return env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;
}
