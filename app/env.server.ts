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
  // How many proxies (load balancers) sit in front: the client address is then read from
  // X-Forwarded-For, which only they may set. 0: the address of the TCP connection.
  // How long one database statement may run before the request answers 503 (PostgreSQL only).
  DATABASE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  // A session not used for this long ends (it ends after 12 hours in any case).
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(720).default(120),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
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
