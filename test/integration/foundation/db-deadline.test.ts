import postgres from "postgres";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestDatabase } from "../../helpers/db";

// A request waiting on the database must end with a 503, never hang: a statement stuck behind
// a lock is cancelled by statement_timeout (DATABASE_TIMEOUT_MS) and answered as "too slow".
describe.skipIf(!process.env.TEST_DATABASE_URL)("database deadlines on postgres", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    process.env.DATABASE_TIMEOUT_MS = "500";
    database = await openTestDatabase("postgres");
  });
  afterAll(async () => {
    delete process.env.DATABASE_TIMEOUT_MS;
    await database?.close();
  });

  it("answers 503 when a statement waits past the deadline, and works again after", async () => {
    const other = postgres(database.url!, { max: 1, onnotice: () => {} });
    try {
      let release!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      let locked!: () => void;
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holder = other.begin(async (tx) => {
        await tx`lock table users in access exclusive mode`;
        locked();
        await released;
      });
      await isLocked;
      const outcome = await database.db
        .selectFrom("users")
        .select("id")
        .execute()
        .then(
          () => "answered",
          (thrown: unknown) => thrown,
        );
      release();
      await holder;
      expect(outcome).toBeInstanceOf(Response);
      expect((outcome as Response).status).toBe(503);
      expect(await (outcome as Response).text()).toMatch(/took too long/);
      expect((await sql<{ n: number }>`select 1 as n`.execute(database.db)).rows[0].n).toBe(1);
    } finally {
      await other.end({ timeout: 5 });
    }
  });
});
