import { loadScenario } from "../bench/load-autosave";

// The full-length reliability runs that `npm test` only samples: 50 interviewers autosaving for
// SOAK_SECONDS (default 60) against one built server, then split across two, on PostgreSQL
// (TEST_DATABASE_URL). Exits 1 on any 5xx, unexpected status or lost write.
const seconds = Number(process.env.SOAK_SECONDS ?? 60);
let ok = true;
for (const instances of [1, 2]) ok = (await loadScenario({ seconds, writers: 50, instances })) && ok;
process.exit(ok ? 0 : 1);
