import crypto from "node:crypto";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import express from "express";
import compression from "compression";
import helmet from "helmet";
import { createRequestHandler } from "@remix-run/express";
import { installGlobals, type ServerBuild } from "@remix-run/node";
import { parseEnv, publicUrl, useSettings, ConfigError } from "./app/env.server";
import { bodyLimitFor, tooLargeMessage } from "./app/body-limits.server";
import { startPanel } from "./app/startup/start.server";
import { DatabaseUnavailableError } from "./db/index.server";
import { isConnectionLoss } from "./db/postgres-outage";
import { DataDirInUseError } from "./db/data-dir-lock";
import { MigrationError } from "./db/migrate";
import { TemplateError } from "./app/scorecards/templates.server";
import { sameOrigin } from "./app/auth/origin.server";
import { scimTokenFrom } from "./app/auth/scim/tokens.server";
import { scimError } from "./app/auth/scim/respond.server";
import { warmPdfRenderer } from "./app/pdf/render-pool.server";
import { withClient } from "./app/request-client.server";
import { pruneExpired } from "./app/maintenance/prune.server";
import { startBackgroundJobs } from "./app/jobs/workers.server";
import { liveBuild } from "./app/startup/dev-reload.server";
import { refreshSavedTemplates } from "./app/kits/template-versions.server";

installGlobals({ nativeFetch: true });

// postgres.js 3.4.9 can throw from a timer, or reject a promise nobody holds, when a connection
// dies under it (porsager/postgres#1208). The client is discarded and rebuilt already
// (db/postgres-outage.ts); the process must not die of the leftovers. Anything else still does.
const postgresLeftover = (error: unknown) =>
  isConnectionLoss(error) ||
  (error instanceof TypeError && /postgres[\\/]src[\\/]connection\.js/.test(error.stack ?? ""));
for (const event of ["uncaughtException", "unhandledRejection"] as const) {
  process.on(event, (error: unknown) => {
    if (postgresLeftover(error))
      return console.warn(`panel: ignored a lost database connection's ${event}: ${(error as Error).message}`);
    console.error(error);
    process.exit(1);
  });
}

// Panel uses none of these browser features; a page that is somehow made to ask gets nothing.
const PERMISSIONS_POLICY =
  "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()";

// Bodies over the route's limit are refused before a byte of them is read. Node's HTTP parser
// never delivers more than Content-Length declares, so the declared length bounds what a request
// can make us hold; a body without one (chunked) is refused outright, which no browser form or
// fetch of ours sends.
function limitBodies(req: express.Request, res: express.Response, next: express.NextFunction) {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  const declared = req.get("content-length");
  if (declared === undefined && req.get("transfer-encoding")) {
    return res
      .status(411)
      .set("Connection", "close")
      .type("text/plain")
      .send("The request must state its length (Content-Length).");
  }
  const limit = bodyLimitFor(req.path);
  if (Number(declared ?? 0) > limit.bytes) {
    return res.status(413).set("Connection", "close").type("text/plain").send(tooLargeMessage(limit));
  }
  next();
}

// Expired sessions, old sign-in counters and form keys go at start and then hourly; a failure
// (the database away for a moment) is one warning line and the next hour tries again.
function schedulePruning(db: Parameters<typeof pruneExpired>[0]) {
  const prune = () =>
    pruneExpired(db).catch((error: unknown) =>
      console.warn(`panel: pruning expired rows failed: ${(error as Error).message}`),
    );
  void prune();
  setInterval(prune, 3_600_000).unref();
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
  schedulePruning(database.db);
  const jobs = await startBackgroundJobs(database, env);
  const buildFile = path.resolve("build/index.js");
  const dev = env.REMIX_DEV_ORIGIN !== undefined;
  const build = dev ? await liveBuild(buildFile) : await importProductionBuild(buildFile);

  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", env.TRUST_PROXY);
  // Who is asking, for audit rows and sign-in throttling (app/request-client.server.ts).
  app.use((req, _res, next) => withClient({ address: req.ip ?? null, userAgent: req.get("user-agent") ?? null }, next));
  // Below 1 kB gzip saves nothing worth the CPU and the latency. lengthOfSmallReplies comes
  // after, so its write/end wrap compression's and compression sees a small reply whole.
  app.use(compression({ threshold: 1024 }));
  app.use(lengthOfSmallReplies);
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
          // npm run dev: the page's live-reload socket talks to Remix's dev server.
          "connect-src": ["'self'", ...(dev ? [new URL(env.REMIX_DEV_ORIGIN!).origin.replace(/^http/, "ws")] : [])],
          // The "Sign in with …" and "Sign out" forms end in redirects to the OIDC provider.
          "form-action": ["'self'", ...(env.OIDC_ISSUER ? [new URL(env.OIDC_ISSUER).origin] : [])],
          "frame-ancestors": ["'none'"],
          "upgrade-insecure-requests": null,
        },
      },
      // Whenever users reach Panel over https (TLS may end at a load balancer in front).
      strictTransportSecurity: publicUrl(env).startsWith("https:")
        ? { maxAge: 31_536_000, includeSubDomains: true }
        : false,
      referrerPolicy: { policy: "same-origin" },
      frameguard: { action: "deny" },
    }),
  );
  app.use((_req, res, next) => {
    res.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    next();
  });
  // Every state change must come from our own pages: refuse cross-site posts outright.
  // SCIM is the one API called from elsewhere (the identity provider): a live bearer token instead.
  app.use((req, res, next) => {
    if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
    if (req.path.startsWith("/scim/v2/")) {
      return void scimTokenFrom(req.headers.authorization)
        .then(async (tokenId) => {
          if (tokenId) return next();
          const refused = scimError(401, "A valid bearer token is required.");
          res
            .status(refused.status)
            .type(refused.headers.get("Content-Type")!)
            .send(await refused.text());
        })
        .catch(next);
    }
    const expected = env.PUBLIC_URL ?? `${req.protocol}://${req.get("host")}`;
    if (sameOrigin(req.headers.origin, req.headers.referer, expected)) return next();
    res.status(403).type("text/plain").send("Cross-site request refused.");
  });
  if (env.PANEL_BENCH_METRICS === "1") app.get("/_bench/event-loop", eventLoopMetrics());
  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));
  app.use(limitBodies);
  // Every instance reads the rubric and taxonomy as last saved, whichever instance saved them. A failure
  // (the database away) leaves the request to meet it in its own queries, which answer it properly.
  app.use(
    (_req, _res, next) =>
      void refreshSavedTemplates(database.db).then(
        () => next(),
        () => next(),
      ),
  );
  app.all(
    "*",
    // Production mode outside npm run dev: a failure shows a plain page, its stack goes to the log only.
    createRequestHandler({
      build,
      mode: dev ? "development" : "production",
      getLoadContext: (_req, res) => ({ cspNonce: res.locals.cspNonce }),
    }),
  );

  const server = app.listen(env.PORT, () => {
    console.log(`Panel listening on http://localhost:${env.PORT} (database: ${database.dialect})`);
    // The PDF thread and its fonts get ready while nobody waits for them.
    setTimeout(warmPdfRenderer, 0).unref();
  });
  server.on("error", (error: NodeJS.ErrnoException) => {
    const message =
      error.code === "EADDRINUSE" ? `port ${env.PORT} is already in use; set PORT to a free port` : error.message;
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

// React and React Router choose their development builds (slower, and logging a warning for every
// unmatched URL such as /favicon.ico) unless NODE_ENV is "production" when they are first loaded.
// The Remix build already compiles our own code as production; its libraries must match. Our
// settings keep NODE_ENV as configured (parsed above).
async function importProductionBuild(file: string): Promise<ServerBuild> {
  const configured = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    return (await import(file)) as ServerBuild;
  } finally {
    if (configured === undefined) Reflect.deleteProperty(process.env, "NODE_ENV");
    else process.env.NODE_ENV = configured;
  }
}

// Remix writes a JSON or text reply as a stream without a length, so compression's threshold
// never sees how small it is. Such bodies are whole strings already: the first chunk is held
// until the next one (or the end) so a one-chunk reply reaches compression as res.end(chunk).
function lengthOfSmallReplies(_req: express.Request, res: express.Response, next: express.NextFunction) {
  const write = res.write.bind(res) as (chunk: unknown, ...rest: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => express.Response;
  let held: unknown = null;
  let decided = false;
  res.write = ((chunk: unknown, ...rest: unknown[]) => {
    if (!decided) {
      decided = true;
      if (/^(application\/json|text\/plain)/.test(String(res.getHeader("Content-Type") ?? ""))) {
        held = chunk;
        return true;
      }
    } else if (held !== null) {
      write(held);
      held = null;
    }
    return write(chunk, ...rest);
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    if (held !== null && (args.length === 0 || typeof args[0] === "function")) {
      const chunk = held;
      held = null;
      return end(chunk, ...args);
    }
    if (held !== null) write(held);
    held = null;
    return end(...args);
  }) as typeof res.end;
  next();
}

// The server's own event-loop delay since the previous call, in ms: how long a ready callback
// waited for the loop. Only with PANEL_BENCH_METRICS=1, for npm run bench.
function eventLoopMetrics(): express.RequestHandler {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const ms = (ns: number) => ns / 1e6;
  return (_req, res) => {
    const body = { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) };
    histogram.reset();
    res.json(body);
  };
}

main().catch(fail);
