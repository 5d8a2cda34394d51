import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { requireUser } from "~/auth/guard.server";
import { pruneExpired } from "~/maintenance/prune.server";
import { getSettings } from "~/env.server";
import { dialects, useTestDatabase } from "../helpers/db";
import { request } from "../helpers/http";
import { createTestUser, signedInCookie } from "../helpers/users";

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

describe.each(dialects())("expired rows on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("ends a session left idle longer than SESSION_IDLE_MINUTES, and keeps a used one alive", async () => {
    const user = await createTestUser(ctx.db);
    const idle = await signedInCookie(user.id);
    const used = await signedInCookie(user.id);
    const idleFor = new Date(Date.now() - (getSettings().SESSION_IDLE_MINUTES + 1) * 60_000);
    await ctx.db.updateTable("sessions").set({ last_seen_at: idleFor }).execute();
    // A request a minute before the idle limit keeps a session going.
    await ctx.db
      .updateTable("sessions")
      .set({ last_seen_at: new Date(Date.now() - (getSettings().SESSION_IDLE_MINUTES - 1) * 60_000) })
      .where("id", "in", sql<string>`(select id from sessions order by created_at desc limit 1)`)
      .execute();
    const answers = await Promise.all(
      [idle, used].map((cookie) =>
        requireUser(request("/", { cookie })).then(
          () => "signed in",
          (thrown: Response) => thrown.headers.get("Location"),
        ),
      ),
    );
    expect(answers.sort()).toEqual(["/login", "signed in"]);
  });

  it("prunes ended sessions, quiet sign-in counters and old form keys, and nothing still in use", async () => {
    const user = await createTestUser(ctx.db);
    await ctx.db.deleteFrom("sessions").execute();
    await ctx.db
      .insertInto("sessions")
      .values([
        { id: "expired", user_id: user.id, expires_at: hoursAgo(1) },
        { id: "idle", user_id: user.id, expires_at: hoursAgo(-6), last_seen_at: hoursAgo(11) },
        { id: "live", user_id: user.id, expires_at: hoursAgo(-6) },
      ])
      .execute();
    await ctx.db
      .insertInto("sign_in_throttle")
      .values([
        { key: "pair:quiet", failures: 7, last_failed_at: hoursAgo(2), blocked_until: hoursAgo(1.9), allowed: true },
        {
          key: "pair:still-waiting",
          failures: 30,
          last_failed_at: hoursAgo(2),
          blocked_until: hoursAgo(-0.5),
          allowed: false,
        },
        { key: "pair:recent", failures: 3, last_failed_at: hoursAgo(0.1), blocked_until: hoursAgo(0.1), allowed: true },
      ])
      .execute();
    await ctx.db
      .insertInto("form_submissions")
      .values([
        { key: "old", subject_id: "x", created_at: hoursAgo(25) },
        { key: "fresh", subject_id: "y" },
      ])
      .execute();

    const pruned = await pruneExpired(ctx.db);
    expect(pruned).toEqual({ sessions: 2, signInThrottle: 1, formSubmissions: 1 });
    expect((await ctx.db.selectFrom("sessions").select("id").execute()).map((r) => r.id)).toEqual(["live"]);
    expect(
      (await ctx.db.selectFrom("sign_in_throttle").select("key").orderBy("key").execute()).map((r) => r.key),
    ).toEqual(["pair:recent", "pair:still-waiting"]);
    expect((await ctx.db.selectFrom("form_submissions").select("key").execute()).map((r) => r.key)).toEqual(["fresh"]);
  });
});
