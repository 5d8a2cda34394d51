import { describe, expect, it } from "vitest";
import * as login from "~/routes/login";
import { withClient } from "~/request-client.server";
import { PASSWORD_WORK, PasswordWorkBusy, hashPassword, passwordWork, verifyPassword } from "~/auth/password.server";
import { THROTTLE } from "~/auth/sign-in.server";
import { dialects, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { createTestUser } from "../helpers/users";

const PASSWORD = "correct horse battery staple";
const WRONG = "That email and password do not match an account.";

// A sign-in posted from a given client address, as server.ts records it for each request.
const signInFrom = (address: string, email: string, password: string) =>
  withClient({ address, userAgent: "throttle-test" }, () =>
    callRoute(login.action, request("/login", { form: { email, password } })),
  );
const formError = async (response: Response) => ((await response.json()) as { errors: { form?: string } }).errors.form;
const passwordsChecked = async (ctx: { db: import("kysely").Kysely<import("~db/schema").DB> }) =>
  (await ctx.db.selectFrom("audit_log").select("id").where("action", "=", "sign-in.failed").execute()).length;

describe.each(dialects())("sign-in throttling on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("slows one address guessing one account with a clear wait, instead of locking the account", async () => {
    const user = await createTestUser(ctx.db, { password: PASSWORD });
    for (let i = 1; i <= THROTTLE.pair.free + 1; i++) {
      expect(await formError(await signInFrom("203.0.113.1", user.email, `guess ${i}`))).toBe(WRONG);
    }
    const slowed = await signInFrom("203.0.113.1", user.email, PASSWORD);
    expect(slowed.status).toBe(429);
    expect(Number(slowed.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect(await formError(slowed)).toMatch(/^Too many sign-in attempts\. Try again in \d+ seconds?\.$/);
    expect(slowed.headers.get("Set-Cookie")).toBeNull();
    // The owner, from their own address, is not kept out by the attacker's guesses.
    const owner = await signInFrom("198.51.100.7", user.email, PASSWORD);
    expect(owner.status).toBe(302);
  });

  it("checks only a handful of 60 parallel guesses: the count is one atomic statement", async () => {
    const user = await createTestUser(ctx.db, { password: PASSWORD });
    const before = await passwordsChecked(ctx);
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signInFrom("203.0.113.60", user.email, `parallel guess ${i}`)),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(THROTTLE.pair.free + 1);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(60 - THROTTLE.pair.free - 1);
    expect((await passwordsChecked(ctx)) - before).toBeLessThanOrEqual(THROTTLE.pair.free + 1);
  });

  it("catches guesses spread over many addresses, and the owner waits a minute at most", async () => {
    const user = await createTestUser(ctx.db, { password: PASSWORD });
    for (let i = 0; i < THROTTLE.account.free + 5; i++)
      await signInFrom(`192.0.2.${i + 1}`, user.email, `spread guess ${i}`);
    const owner = await signInFrom("198.51.100.8", user.email, PASSWORD);
    expect(owner.status).toBe(429);
    const wait = Number(owner.headers.get("Retry-After"));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(THROTTLE.account.capSeconds);
    // The refused attempt did not push the wait further out.
    const again = await signInFrom("198.51.100.8", user.email, PASSWORD);
    expect(Number(again.headers.get("Retry-After"))).toBeLessThanOrEqual(wait);
  });

  it("slows one address spraying one password over many accounts", async () => {
    for (let i = 0; i <= THROTTLE.address.free; i++)
      await signInFrom("203.0.113.99", `sprayed-${i}@example.test`, "Summer2026!");
    const next = await signInFrom("203.0.113.99", "sprayed-last@example.test", "Summer2026!");
    expect(next.status).toBe(429);
  });

  it("a successful sign-in clears the account's count, so the owner's own typos do not add up", async () => {
    const user = await createTestUser(ctx.db, { password: PASSWORD });
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < THROTTLE.pair.free - 1; i++) await signInFrom("198.51.100.9", user.email, "typo");
      expect((await signInFrom("198.51.100.9", user.email, PASSWORD)).status).toBe(302);
    }
  });
});

describe("the ceiling on password checks", () => {
  it("runs only a few argon2 checks at once and turns away what would queue beyond the limit", async () => {
    const stored = await hashPassword(PASSWORD);
    let most = 0;
    const sample = setInterval(() => (most = Math.max(most, passwordWork().active)), 1);
    const total = PASSWORD_WORK.concurrent + PASSWORD_WORK.waiting + 20;
    const outcomes = await Promise.allSettled(Array.from({ length: total }, () => verifyPassword(stored, "wrong")));
    clearInterval(sample);
    const busy = outcomes.filter((o) => o.status === "rejected" && o.reason instanceof PasswordWorkBusy).length;
    expect(busy).toBeGreaterThanOrEqual(20);
    expect(outcomes.filter((o) => o.status === "fulfilled").length).toBe(total - busy);
    expect(most).toBeLessThanOrEqual(PASSWORD_WORK.concurrent);
  }, 60_000);
});
