import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPostgres } from "~db/index.server";
import { dialects, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { startSmtp, type TestSmtp } from "../helpers/smtp";
import { action as accept, loader as invitationPage } from "~/routes/invitations.$token";
import { signIn } from "~/auth/sign-in.server";
import { ConfigError, parseEnv, useSettings } from "~/env.server";
import { startBackgroundJobs, type BackgroundJobs } from "~/jobs/workers.server";
import { prepareEmptyDatabase } from "~/startup/first-admin.server";
import { mintSetupLink } from "~/people/invitations.server";

const noAdminEnv = parseEnv({ NODE_ENV: "test", DEMO_DATA: "0", PORT: "4100" });
const form = { email: "", name: "Founding Admin", password: "a-long-password", confirm: "a-long-password" };
const tokenIn = (text: string) => text.match(/http:\/\/localhost:4100\/invitations\/([\w-]+)/)?.[1] ?? null;

describe.each(dialects())("the first start of an empty install on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  const acceptAs = (token: string, email: string) =>
    callRoute(accept, request(`/invitations/${token}`, { form: { ...form, email } }), { token });

  it("prints one setup link at the first start only; a second start points back to it and mints nothing", async () => {
    const first: string[] = [];
    const second: string[] = [];
    await prepareEmptyDatabase(ctx.db, noAdminEnv, (line) => first.push(line));
    await prepareEmptyDatabase(ctx.db, noAdminEnv, (line) => second.push(line));
    expect(tokenIn(first.join("\n"))).not.toBeNull();
    expect(tokenIn(second.join("\n"))).toBeNull();
    expect(second.join("\n")).toMatch(/printed at the first start/);
    expect(await ctx.db.selectFrom("invitations").select("id").execute()).toHaveLength(1);

    const token = tokenIn(first.join("\n"))!;
    const page = await (await callRoute(invitationPage, request(`/invitations/${token}`), { token })).json();
    expect(page.invitation).toEqual({ open: true, email: null, roles: ["admin"] });
    expect((await (await acceptAs(token, "")).json()).errors).toEqual({ email: "Enter your email address" });
    expect((await acceptAs(token, "founder@example.org")).status).toBe(302);
    expect(await signIn("founder@example.org", "a-long-password")).toEqual(expect.any(String));
    const again = await acceptAs(token, "intruder@example.org");
    expect(again.status).toBe(410);
    expect((await again.json()).reason).toMatch(/used already/);
  });

  it("refuses every other setup link once an admin exists, even one nobody revoked (an old version's leftovers)", async () => {
    // As the old start-up left them: a second link minted by a later start, never voided.
    const leftover = await ctx.db.transaction().execute((tx) => mintSetupLink(tx, "http://localhost:4100"));
    const token = tokenIn(leftover.link)!;
    const page = await callRoute(invitationPage, request(`/invitations/${token}`), { token });
    expect(page.status).toBe(410);
    expect((await page.json()).reason).toMatch(/set up already/);
    const posted = await acceptAs(token, "second.admin@example.org");
    expect(posted.status).toBe(410);
    expect(await ctx.db.selectFrom("users").select("email").execute()).toEqual([{ email: "founder@example.org" }]);
  });
});

describe.each(dialects())("two setup links accepted at once on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("makes one admin: the other gets the reason, and no link is left open", async () => {
    const mint = () => ctx.db.transaction().execute((tx) => mintSetupLink(tx, "http://localhost:4100"));
    const tokens = [tokenIn((await mint()).link)!, tokenIn((await mint()).link)!];
    const responses = await Promise.all(
      tokens.map((token, i) =>
        callRoute(accept, request(`/invitations/${token}`, { form: { ...form, email: `admin${i}@example.org` } }), {
          token,
        }),
      ),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([302, 410]);
    expect(await ctx.db.selectFrom("users").select("id").execute()).toHaveLength(1);
    const open = await ctx.db
      .selectFrom("invitations")
      .select("id")
      .where("accepted_at", "is", null)
      .where("revoked_at", "is", null)
      .execute();
    expect(open).toEqual([]);
  });
});

describe.each(dialects())("the first admin from ADMIN_EMAIL on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  // Issue 13 item 14: the same strength check as every typed password, one line naming the setting.
  it("refuses to start with a common ADMIN_PASSWORD, and creates nobody", async () => {
    for (const weak of ["password1234", "qwertyuiop123"]) {
      const env = parseEnv({ NODE_ENV: "test", DEMO_DATA: "0", ADMIN_EMAIL: "boss@example.org", ADMIN_PASSWORD: weak });
      const started = prepareEmptyDatabase(ctx.db, env, () => {});
      await expect(started).rejects.toBeInstanceOf(ConfigError);
      await expect(started).rejects.toThrow(/^Bad configuration: ADMIN_PASSWORD is too common or too easy to guess/);
    }
    expect(await ctx.db.selectFrom("users").select("id").execute()).toEqual([]);
  });

  it("creates the admin from ADMIN_EMAIL and ADMIN_PASSWORD, prints no link, and voids a setup link left open", async () => {
    await prepareEmptyDatabase(ctx.db, noAdminEnv, () => {});
    const lines: string[] = [];
    const env = parseEnv({
      NODE_ENV: "test",
      DEMO_DATA: "0",
      ADMIN_EMAIL: "boss@example.org",
      ADMIN_PASSWORD: "another-long-password",
    });
    await prepareEmptyDatabase(ctx.db, env, (line) => lines.push(line));
    expect(lines).toEqual(["Created the first admin: boss@example.org"]);
    expect(await signIn("boss@example.org", "another-long-password")).toEqual(expect.any(String));
    const link = await ctx.db.selectFrom("invitations").select(["revoked_reason"]).executeTakeFirstOrThrow();
    expect(link.revoked_reason).toBe("setup-complete");
  });
});

// Two instances starting together on one empty database: each opens its own pool.
describe.runIf(dialects().includes("postgres"))(
  "two instances starting at once on an empty PostgreSQL database",
  () => {
    for (const demo of ["0", "1"] as const) {
      describe(`DEMO_DATA=${demo}`, () => {
        const ctx = useTestDatabase("postgres");
        it("fill it once, print at most one setup link, and neither crashes", async () => {
          const env = parseEnv({ NODE_ENV: "test", DEMO_DATA: demo, PORT: "4100" });
          const instances = [ctx.database, await openPostgres(ctx.database.url!)];
          const lines: string[] = [];
          try {
            await Promise.all(
              instances.map((instance) => prepareEmptyDatabase(instance.db, env, (line) => lines.push(line))),
            );
          } finally {
            await instances[1].close();
          }
          if (demo === "0") {
            expect(lines.filter((line) => tokenIn(line))).toHaveLength(1);
            expect(await ctx.db.selectFrom("invitations").select("id").execute()).toHaveLength(1);
          } else {
            expect(lines).toEqual(["Seeded demo data: sign in as interviewer@example.com / demo-password"]);
            expect(await ctx.db.selectFrom("candidates").select("id").execute()).toHaveLength(3);
          }
        });
      });
    }
  },
);

// Issue 17: with ADMIN_EMAIL but no ADMIN_PASSWORD the setup link is also mailed to ADMIN_EMAIL.
describe.each(dialects())("the setup link mailed to ADMIN_EMAIL on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let smtp: TestSmtp;
  let jobs: BackgroundJobs | undefined;
  beforeAll(async () => {
    smtp = await startSmtp();
  });
  afterAll(async () => {
    await jobs?.stop();
    await smtp?.close();
    useSettings(parseEnv());
  });

  it("prints the link, and mails the same link to ADMIN_EMAIL once, through the outbox", async () => {
    const env = parseEnv({
      ...process.env,
      DEMO_DATA: "0",
      PORT: "4100",
      ADMIN_EMAIL: "founder@example.org",
      SMTP_URL: smtp.url,
      NOTIFICATIONS_TICK_SECONDS: "3600",
    });
    useSettings(env);
    const lines: string[] = [];
    await prepareEmptyDatabase(ctx.db, env, (line) => lines.push(line));
    await prepareEmptyDatabase(ctx.db, env, (line) => lines.push(line));
    const token = tokenIn(lines[0]);
    expect(token).not.toBeNull();
    expect(lines[0]).toMatch(/also mailed to founder@example\.org/);
    expect(tokenIn(lines[1])).toBeNull();

    jobs = await startBackgroundJobs(
      ctx.database,
      { DATABASE_URL: ctx.database.url ?? undefined, NOTIFICATIONS_TICK_SECONDS: 3600 },
      { url: ctx.database.url, pollingSeconds: 0.5, retryDelaySeconds: 1 },
    );
    const mail = await smtp.waitForMail("founder@example.org", /^Set up Panel$/);
    expect(mail.text).toContain(`http://localhost:4100/invitations/${token}`);
    expect(mail.html).toContain(`href="http://localhost:4100/invitations/${token}"`);
    const outbox = await ctx.db.selectFrom("outbox_messages").select(["kind", "recipient_email"]).execute();
    expect(outbox).toEqual([{ kind: "setup-link", recipient_email: "founder@example.org" }]);
  }, 60_000);
});
