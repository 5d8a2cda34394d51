import { withDatabase, exitWith } from "./cli";
import { migrateToLatest } from "../db/migrate";

withDatabase(async ({ db, dialect }) => {
  const applied = await migrateToLatest(db);
  console.log(applied.length ? `Applied on ${dialect}: ${applied.join(", ")}` : `Database (${dialect}) is up to date.`);
}).catch((error: Error) => exitWith(`db:migrate: ${error.message}`, 1));
