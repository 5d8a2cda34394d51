import type { Migration } from "kysely";
import * as foundation from "./2026-11-23-01-foundation";
import * as scorecards from "./2026-11-23-02-scorecards";
import * as setup from "./2026-11-23-03-setup";
import * as reports from "./2026-11-23-04-reports";
import * as invitationRevocation from "./2026-12-02-01-invitation-revocation";
import * as security from "./2026-12-02-02-security";
import * as debrief from "./2026-12-02-05-debrief";
import * as sso from "./2026-12-02-06-sso";
import * as notifications from "./2026-12-02-04-notifications";
import * as positionRecruiter from "./2026-12-02-10-position-recruiter";
import * as templateVersions from "./2026-12-02-07-template-versions";
import * as passwordResets from "./2026-12-02-09-password-resets";

// Listed statically rather than read from disk so the same list works in the Remix server
// bundle, under tsx and in tests (docs/decisions/002).
export const migrations: Record<string, Migration> = {
  "2026-11-23-01-foundation": foundation,
  "2026-11-23-02-scorecards": scorecards,
  "2026-11-23-03-setup": setup,
  "2026-11-23-04-reports": reports,
  "2026-12-02-01-invitation-revocation": invitationRevocation,
  "2026-12-02-02-security": security,
  "2026-12-02-05-debrief": debrief,
  "2026-12-02-06-sso": sso,
  "2026-12-02-04-notifications": notifications,
  "2026-12-02-10-position-recruiter": positionRecruiter,
  "2026-12-02-07-template-versions": templateVersions,
  "2026-12-02-09-password-resets": passwordResets,
};
