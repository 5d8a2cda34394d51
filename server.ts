import crypto from "node:crypto";
import path from "node:path";
import express from "express";
import compression from "compression";
import helmet from "helmet";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import { parseEnv, useSettings, ConfigError } from "./app/env.server";
import { startPanel } from "./app/setup/start.server";
import { DatabaseUnavailableError } from "./db/index.server";
import { isConnectionLoss } from "./db/postgres-outage";
import { DataDirInUseError } from "./db/data-dir-lock";
import { MigrationError } from "./db/migrate";
import { TemplateError } from "./app/scorecards/templates.server";
import { sameOrigin } from "./app/auth/origin.server";
import { startBackgroundJobs } from "./app/jobs/workers.server";

installGlobals({ nativeFetch: true });

// postgres.js 3.4.9 can throw from a timer, or reject a promise nobody holds, when a connection
// dies under it (porsager/postgres#1208). The client is discarded and rebuilt already
// (db/postgres-outage.ts); the process must not die of the leftovers. Anything else still does.
const postgresLeftover = (error: unknown) =>
  isConnectionLoss(error) || (error instanceof TypeError && /postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? ""));
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, (error: unknown) => {
    if (postgresLeftover(error)) return console.warn(`panel: ignored a lost database connection's ${event}: ${(error as Error).message}`);
    console.error(error);
    process.exit(1);
  });
}

// Known start-up failures print one line and exit 1; anything else keeps its stack.
function fail(error: unknown): never {
  const known = [ConfigError, DatabaseUnavailableError, DataDirInUseError, MigrationError, TemplateError];
  if (known.some((k) => error instanceof k)) console.error(`panel: ${(error as Error).message}`);
  else console.error(error);
  process.exit(1);
}

async function main() {
  const env = parseEnv();
  useSettings(env);
  if (env.NODE_ENV === "production" && !env.PUBLIC_URL) {
    console.warn(`panel: PUBLIC_URL is not set; links in emails and invitations will say http://localhost:${env.PORT}`);
  }
  const database = await startPanel(env);
  const jobs = await startBackgroundJobs(database, env);
  const buildPath = path.resolve("build/index.js");
  const build = (await import(buildPath)) as ServerBuild;

  const app = express();
  app.disable("x-powered-by");
  app.use(compression());
  app.use((_req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    next();
  });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          "default-src": ["'self'"],
          "script-src": ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          "style-src": ["'self'", "'unsafe-inline'"],
          "img-src": ["'self'", "data:"],
          "connect-src": ["'self'"],
          "form-action": ["'self'"],
          "frame-ancestors": ["'none'"],
          "upgrade-insecure-requests": null,
        },
      },
      strictTransportSecurity: env.NODE_ENV === "production",
      referrerPolicy: { policy: "same-origin" },
      frameguard: { action: "deny" },
    }),
  );
  // Every state change must come from our own pages: refuse cross-site posts outright.
  app.use((req, res, next) => {
    if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
    if (sameOrigin(req.headers.origin, req.headers.referer, req.headers.host)) return next();
    res.status(403).type("text/plain").send("Cross-site request refused.");
  });
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.all(
    "*",
    createRequestHandler({ build, mode: env.NODE_ENV, getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }) }),
  );

  const server = app.listen(env.PORT, () => {
    console.log(`Panel listening on http://localhost:${env.PORT} (database: ${database.dialect})`);
  });
  server.on("error", (error: NodeJS.ErrnoException) => {
    const message = error.code === "EADDRINUSE" ? `port ${env.PORT} is already in use; set PORT to a free port` : error.message;
    console.error(`panel: ${message}`);
    void database.close().finally(() => process.exit(1));
  });
  const shutdown = () => {
    server.close();
    jobs
      .stop()
      .catch(() => {})
      .then(() => database.close())
      .finally(() => process.exit(0));
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch(fail);
