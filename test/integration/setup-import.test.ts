import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { sql } from "kysely";
import { dialects, useTestDatabase } from "../helpers/db";
import { callRoute, request } from "../helpers/http";
import { createTestUser, signedInCookie } from "../helpers/users";
import { action as importAction } from "~/routes/candidates.import";
import { commitImport } from "~/candidates/csv-import.server";

const GOOD =
  'name,email,level,source,cv_url\nAna One,ana@example.org,Mid,Referral,https://example.org/ana.pdf\n"Two, Bo",bo@example.org,Senior,Agency,\n';
const BROKEN = `${GOOD}Carl Three,not-an-email,Wizard,,\nDee Four,ANA@example.org,,,\n`;

describe.each(dialects())("CSV import of candidates on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);
  let cookie: string;
  let actor: { id: string; email: string; name: string; roles: ["recruiter"] };
  let positionId: string;

  const post = (form: Record<string, string>) =>
    callRoute(
      importAction,
      request("/candidates/import", { cookie, form: { positionId, idempotencyKey: crypto.randomUUID(), ...form } }),
    );
  const count = async () =>
    (
      await ctx.db
        .selectFrom("candidates")
        .select(sql<number>`count(*)::int`.as("n"))
        .executeTakeFirstOrThrow()
    ).n;

  beforeAll(async () => {
    const user = await createTestUser(ctx.db, { roles: ["recruiter"] });
    actor = { ...user, roles: ["recruiter"] };
    cookie = await signedInCookie(user.id);
    positionId = (
      await ctx.db
        .insertInto("positions")
        .values({
          title: "Imported Role",
          team: "Ops",
          level_min: "Mid",
          level_max: "Senior",
          kit_id: "generic-behavioral",
          competencies: '["ownership"]',
        })
        .returning("id")
        .executeTakeFirstOrThrow()
    ).id;
  });

  it("previews every row with its problems and writes nothing", async () => {
    const response = await post({ intent: "preview", csv: BROKEN });
    const { preview } = await response.json();
    expect(preview.rows.map((r: { line: number; errors: string[] }) => [r.line, r.errors])).toEqual([
      [2, []],
      [3, []],
      [
        4,
        [
          "email: Enter a valid email address",
          "levelApplied: Level must be one of: Junior, Junior–Mid, Mid, Senior, Staff",
        ],
      ],
      [5, ["email: also on line 2 of this file"]],
    ]);
    expect(preview.rows[1].name).toBe("Two, Bo");
    expect(await count()).toBe(0);
  });

  it("commits nothing at all when one row is broken, even if the commit is posted directly", async () => {
    const response = await post({ intent: "commit", csv: BROKEN });
    expect(response.status).toBe(400);
    expect(await count()).toBe(0);
    await expect(
      commitImport(actor, { positionId, csv: BROKEN, idempotencyKey: crypto.randomUUID() }),
    ).rejects.toMatchObject({ code: "invalid", details: { preview: { fileError: null } } });
    expect(await count()).toBe(0);
  });

  it("rolls back every row when the database refuses one in the middle of the commit", async () => {
    // A row added behind the preview's back: the unique index stops the third insert.
    const late = "name,email\nEve Five,eve@example.org\nFay Six,fay@example.org\nGus Seven,gus@example.org\n";
    await sql`create function sneak() returns trigger language plpgsql as $$
      begin
        if new.email = 'fay@example.org' then
          insert into candidates (position_id, name, email)
            values (new.position_id, 'Gus Elsewhere', 'gus@example.org');
        end if;
        return new;
      end $$`.execute(ctx.db);
    await sql`create trigger sneak after insert on candidates for each row execute function sneak()`.execute(ctx.db);
    try {
      await expect(
        commitImport(actor, { positionId, csv: late, idempotencyKey: crypto.randomUUID() }),
      ).rejects.toMatchObject({ code: "invalid" });
    } finally {
      await sql`drop trigger sneak on candidates`.execute(ctx.db);
      await sql`drop function sneak()`.execute(ctx.db);
    }
    expect(await count()).toBe(0);
  });

  it("imports every row of a clean file once, auditing each candidate", async () => {
    const key = crypto.randomUUID();
    const first = await post({ intent: "commit", csv: GOOD, idempotencyKey: key });
    expect(first.headers.get("Location")).toBe("/candidates?imported=2");
    const second = await post({ intent: "commit", csv: GOOD, idempotencyKey: key });
    expect(second.headers.get("Location")).toBe("/candidates?imported=2");
    const rows = await ctx.db
      .selectFrom("candidates")
      .select(["name", "email", "level_applied", "cv_url"])
      .orderBy("email")
      .execute();
    expect(rows).toEqual([
      { name: "Ana One", email: "ana@example.org", level_applied: "Mid", cv_url: "https://example.org/ana.pdf" },
      { name: "Two, Bo", email: "bo@example.org", level_applied: "Senior", cv_url: null },
    ]);
    const audit = await ctx.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "candidate.create")
      .execute();
    expect(audit).toHaveLength(2);
    expect(audit[0].details).toMatchObject({ before: null, via: "csv-import" });
  });

  it("reports a file that is not CSV, an unknown column and an empty selection on the right place", async () => {
    const quote = await (await post({ intent: "preview", csv: 'name,email\n"Unclosed,a@example.org\n' })).json();
    expect(quote.preview.fileError).toMatch(/^The file is not valid CSV: /);
    const column = await (await post({ intent: "preview", csv: "name,email,salary\nA,a@example.org,1\n" })).json();
    expect(column.preview.fileError).toBe('Unknown column "salary": use name, email, level, source, cv_url');
    const nothing = await post({ intent: "preview", csv: "" });
    expect((await nothing.json()).errors).toEqual({ csv: "Choose a CSV file or paste its contents" });
  });
  it("reads levels in any case and refuses one outside the position's range", async () => {
    const csv = "name,email,level\nLow Case,low@example.org,senior\nToo Junior,jr@example.org,JUNIOR\n";
    const { preview } = await (await post({ intent: "preview", csv })).json();
    expect(preview.rows.map((r: { levelApplied: string; errors: string[] }) => [r.levelApplied, r.errors])).toEqual([
      ["Senior", []],
      ["Junior", ["level: Level applied for: Junior is outside Imported Role's range (Mid–Senior)"]],
    ]);
    const ok = await post({ intent: "commit", csv: "name,email,level\nLow Case,low@example.org,senior\n" });
    expect(ok.headers.get("Location")).toBe("/candidates?imported=1");
    const row = await ctx.db.selectFrom("candidates").select("level_applied").where("email", "=", "low@example.org");
    expect(await row.executeTakeFirstOrThrow()).toEqual({ level_applied: "Senior" });
  });
});
