import { PGlite } from "@electric-sql/pglite";
import { sql, type Kysely } from "kysely";
import { describe, expect, it } from "vitest";
import type { DB } from "~db/schema";
import { migrateToLatest } from "~db/migrate";
import { wrapPglite } from "~db/index.server";
import { NESTED_QUERY_MESSAGE } from "~db/pglite-dialect";
import { dialects, useTestDatabase } from "../../helpers/db";

class Rollback extends Error {}

const actions = async (db: Kysely<DB>, ...names: string[]) =>
  (await db.selectFrom("audit_log").select("action").where("action", "in", names).orderBy("id").execute()).map(
    (r) => r.action,
  );

const insertAudit = (db: Kysely<DB>, action: string) =>
  db.insertInto("audit_log").values({ actor_id: null, action, details: "{}" }).execute();

describe.each(dialects())("the database on %s", (dialect) => {
  const ctx = useTestDatabase(dialect);

  it("keeps a write made outside a transaction when that transaction rolls back", async () => {
    const events: string[] = [];
    let finishTransaction!: () => void;
    const held = new Promise<void>((resolve) => (finishTransaction = resolve));
    let insertedInside!: () => void;
    const inside = new Promise<void>((resolve) => (insertedInside = resolve));

    const transaction = ctx.db.transaction().execute(async (tx) => {
      await insertAudit(tx, "test.inside");
      insertedInside();
      await held;
      events.push("transaction rolling back");
      throw new Rollback();
    });
    await inside;
    const outside = insertAudit(ctx.db, "test.outside").then(() => events.push("outside insert done"));
    await new Promise((resolve) => setTimeout(resolve, 100));
    finishTransaction();

    await expect(transaction).rejects.toBeInstanceOf(Rollback);
    await outside;
    expect(await actions(ctx.db, "test.inside", "test.outside")).toEqual(["test.outside"]);
    // PGlite is one connection: the outside insert must wait for the transaction to end.
    // A pool gives it a connection of its own, so it does not wait.
    expect(events).toEqual(
      dialect === "pglite"
        ? ["transaction rolling back", "outside insert done"]
        : ["outside insert done", "transaction rolling back"],
    );
  });

  it("finds nothing left to do when migrations run again", async () => {
    expect(await migrateToLatest(ctx.db)).toEqual([]);
    const tables = await sql<{
      n: number;
    }>`select count(*)::int as n from information_schema.tables where table_schema = 'public' and table_name = 'scorecards'`.execute(
      ctx.db,
    );
    expect(tables.rows[0].n).toBe(1);
  });
});

// Why the dialect queues callers: PGlite on its own lets a query from outside slip into an
// open transaction, and the rollback takes it too.
describe("raw PGlite without our dialect", () => {
  it("loses an outside write when an interleaved transaction rolls back", async () => {
    const pglite = await PGlite.create();
    try {
      await pglite.exec("create table notes (text text)");
      await pglite.query("begin");
      await pglite.query("insert into notes values ('inside')");
      await pglite.query("insert into notes values ('outside')");
      await pglite.query("rollback");
      expect((await pglite.query("select * from notes")).rows).toEqual([]);
    } finally {
      await pglite.close();
    }
  });
});

describe("our PGlite dialect's guards", () => {
  const open = async (timeoutMs: number) => wrapPglite(await PGlite.create(), null, () => {}, timeoutMs);

  it("refuses at once a query made on the database inside an open transaction, naming the cause", async () => {
    const database = await open(15_000);
    try {
      const started = Date.now();
      const nested = database.db.transaction().execute(async () => sql`select 1`.execute(database.db));
      await expect(nested).rejects.toThrow(NESTED_QUERY_MESSAGE);
      expect(Date.now() - started).toBeLessThan(5_000);
      // The transaction ended with the error; the connection is free for the next caller.
      expect((await sql<{ n: number }>`select 2 as n`.execute(database.db)).rows[0].n).toBe(2);
    } finally {
      await database.close();
    }
  });

  it("lets work the callback left running query freely once the transaction has ended", async () => {
    const database = await open(15_000);
    try {
      let later!: Promise<unknown>;
      await database.db.transaction().execute(async (tx) => {
        await sql`select 1`.execute(tx);
        later = new Promise((resolve) => setTimeout(resolve, 50)).then(() => sql`select 3`.execute(database.db));
      });
      await expect(later).resolves.toBeTruthy();
    } finally {
      await database.close();
    }
  });

  it("answers 503 to a query kept waiting behind a transaction longer than the deadline", async () => {
    const database = await open(200);
    try {
      let finish!: () => void;
      const held = new Promise<void>((resolve) => (finish = resolve));
      let began!: () => void;
      const inside = new Promise<void>((resolve) => (began = resolve));
      const transaction = database.db.transaction().execute(async (tx) => {
        await sql`select 1`.execute(tx);
        began();
        await held;
      });
      await inside;
      const waiting = sql`select 1`.execute(database.db).catch((error: unknown) => error);
      const refused = await waiting;
      expect(refused).toBeInstanceOf(Response);
      expect((refused as Response).status).toBe(503);
      finish();
      await transaction;
    } finally {
      await database.close();
    }
  });
});
