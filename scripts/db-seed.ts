import { withDatabase, exitWith } from "./cli";
import { countUsers } from "../db/queries/users";
import { seedDemoData } from "../app/startup/demo-data.server";

withDatabase(async ({ db, dialect }) => {
  if ((await countUsers(db)) > 0)
    exitWith(`db:seed: the ${dialect} database already has users; seed only an empty database.`, 1);
  await seedDemoData(db);
  console.log(`Seeded demo data on ${dialect}. Sign in as interviewer@example.com / demo-password.`);
}).catch((error: Error) => exitWith(`db:seed: ${error.message}`, 1));
