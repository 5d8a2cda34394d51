import { sql } from "kysely";
import type { Conn } from "../schema";

export type PositionValues = {
  title: string;
  team: string;
  level_min: string;
  level_max: string;
  kit_id: string;
  competencies: string[];
  recruiter_id?: string | null;
};

const columns = [
  "id",
  "title",
  "team",
  "level_min",
  "level_max",
  "kit_id",
  "competencies",
  "status",
  "created_at",
  "recruiter_id",
] as const;

export async function listPositions(db: Conn) {
  return db
    .selectFrom("positions")
    .select(columns)
    .select((eb) =>
      eb
        .selectFrom("candidates")
        .select(sql<number>`count(*)::int`.as("n"))
        .whereRef("candidates.position_id", "=", "positions.id")
        .where("candidates.archived_at", "is", null)
        .as("candidate_count"),
    )
    .orderBy("status", "desc") // open before closed
    .orderBy("title")
    .execute();
}

export async function listOpenPositions(db: Conn) {
  return db
    .selectFrom("positions")
    .select(["id", "title", "team"])
    .where("status", "=", "open")
    .orderBy("title")
    .execute();
}

export async function findPosition(db: Conn, id: string) {
  return db.selectFrom("positions").select(columns).where("id", "=", id).executeTakeFirst();
}

export async function insertPosition(db: Conn, values: PositionValues): Promise<string> {
  const row = await db
    .insertInto("positions")
    .values({ ...values, competencies: JSON.stringify(values.competencies) })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updatePosition(
  db: Conn,
  id: string,
  values: Partial<PositionValues> & { status?: "open" | "closed" },
) {
  const { competencies, ...rest } = values;
  await db
    .updateTable("positions")
    .set({ ...rest, ...(competencies ? { competencies: JSON.stringify(competencies) } : {}) })
    .where("id", "=", id)
    .execute();
}
