import type {
  ColumnType,
  Generated,
  GeneratedAlways,
  Insertable,
  Kysely,
  Selectable,
  Transaction,
  Updateable,
} from "kysely";

// Timestamps come back as Date and may be written as Date or ISO string.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
// JSON columns are written as JSON text (both drivers cast it) and read back parsed.
export type Json<T> = ColumnType<T, string, string>;

export type Role = "interviewer" | "recruiter" | "committee" | "admin";
export const ROLES: readonly Role[] = ["interviewer", "recruiter", "committee", "admin"];

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  password_hash: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
  // The SCIM client's own id for the user (externalId), echoed back to it.
  scim_external_id: ColumnType<string | null, string | null | undefined, string | null>;
  // null: the interview's own time zone.
  time_zone: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface UserRolesTable {
  user_id: string;
  role: Role;
}

export interface SessionsTable {
  // sha256 of the cookie token: a leaked table cannot be replayed as cookies.
  id: string;
  user_id: string;
  created_at: CreatedAt;
  expires_at: Timestamp;
  // The OIDC provider that started the session (null: password), and its ID token for logout.
  provider: ColumnType<string | null, string | null | undefined, string | null>;
  id_token: ColumnType<string | null, string | null | undefined, string | null>;
  // Sessions end after an idle period too: touched (at most once a minute) by each request.
  last_seen_at: Generated<Date>;
}

export interface UserIdentitiesTable {
  issuer: string;
  subject: string;
  user_id: string;
  created_at: CreatedAt;
}

// A sign-in under way at the provider; id is the sha256 of the browser cookie's value.
export interface OidcSignInsTable {
  id: string;
  state: string;
  nonce: string;
  code_verifier: string;
  redirect_to: string;
  expires_at: Timestamp;
}

export interface ScimTokensTable {
  id: Generated<string>;
  token_hash: string;
  label: string;
  created_by: string | null;
  created_at: CreatedAt;
  last_used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface SsoPolicyTable {
  id: Generated<boolean>;
  sso_required: Generated<boolean>;
  break_glass_user_id: string | null;
  updated_by: string | null;
  updated_at: Timestamp;
}

// Consecutive failed sign-ins per key ("account:…", "address:…", "pair:…"); see db/queries/sign-in-throttle.ts.
export interface SignInThrottleTable {
  key: string;
  failures: number;
  last_failed_at: Timestamp;
  blocked_until: Timestamp;
  // Whether the latest attempt was let through (computed from the row as it was before it).
  allowed: boolean;
}

export interface PositionsTable {
  id: Generated<string>;
  title: string;
  team: string;
  level_min: string;
  level_max: string;
  kit_id: string;
  competencies: Json<string[]>;
  status: Generated<"open" | "closed">;
  created_at: CreatedAt;
  // Told about this position's overdue feedback; null: every recruiter is.
  recruiter_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface CandidatesTable {
  id: Generated<string>;
  position_id: string;
  name: string;
  email: string;
  level_applied: string | null;
  source: string | null;
  cv_url: string | null;
  archived_at: Timestamp | null;
  created_at: CreatedAt;
}

// The vocabularies the database stores; their labels live in app/vocabulary.
export const INTERVIEW_STAGES = ["phone-screen", "onsite", "final"] as const;
export type InterviewStage = (typeof INTERVIEW_STAGES)[number];
export const DECISION_OUTCOMES = ["hire", "no-hire", "more-interviews"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export interface InterviewsTable {
  id: Generated<string>;
  candidate_id: string;
  interviewer_id: string;
  scheduled_at: Timestamp;
  time_zone: string;
  duration_minutes: number;
  stage: InterviewStage;
  focus_competencies: Json<string[]>;
  focus_questions: Json<string[]>;
  kit_id: string;
  cancelled_at: Timestamp | null;
  cancel_reason: string | null;
  created_at: CreatedAt;
}

export interface ScorecardsTable {
  id: Generated<string>;
  interview_id: string;
  author_id: string;
  status: Generated<"draft" | "submitted">;
  content: Json<unknown>;
  // Bumped on every write; a save based on an older version is a conflict.
  version: Generated<number>;
  revision: Generated<number>;
  submitted_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
  kit_id: string | null;
  kit_version: number | null;
  // Derived by PostgreSQL from `content` (stored generated columns), so the reports read a few
  // bytes per scorecard instead of the whole document; never written.
  report_ratings: GeneratedAlways<Record<string, string | null> | null>;
  report_recommendation: GeneratedAlways<string | null>;
  report_level: GeneratedAlways<string | null>;
  report_flag_categories: GeneratedAlways<string[]>;
  report_flag_severities: GeneratedAlways<number[]>;
}

export interface ScorecardRevisionsTable {
  id: Generated<string>;
  scorecard_id: string;
  revision: number;
  content: Json<unknown>;
  reason: string | null;
  submitted_by: string;
  submitted_at: Timestamp;
}

export interface CommitteeMembersTable {
  candidate_id: string;
  user_id: string;
}

export interface DecisionsTable {
  id: Generated<string>;
  candidate_id: string;
  outcome: DecisionOutcome;
  level: string | null;
  rationale: string;
  reason: string | null;
  recorded_by: string;
  recorded_at: CreatedAt;
  // What the decision was taken on: the debrief votes then, the scorecards still missing and,
  // if any were, why the committee decided anyway.
  votes: ColumnType<DecisionVote[], string | undefined, string>;
  missing_scorecards: ColumnType<MissingScorecard[], string | undefined, string>;
  early_reason: string | null;
}

export type DecisionVote = {
  name: string;
  outcome: DecisionOutcome;
  reason: string;
  votedAt: string;
};
export type MissingScorecard = { interviewer: string; stage: string; status: string };

export interface DebriefVotesTable {
  candidate_id: string;
  user_id: string;
  outcome: DecisionOutcome;
  reason: string;
  voted_at: Generated<Date>;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: CreatedAt;
  actor_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  details: Json<Record<string, unknown>>;
  client_address: string | null;
  user_agent: string | null;
}

export interface InvitationsTable {
  id: Generated<string>;
  token_hash: string;
  // null: the one-time setup link, where the first admin types their own email.
  email: string | null;
  roles: Json<Role[]>;
  invited_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  accepted_at: Timestamp | null;
  accepted_by: string | null;
  revoked_at: Timestamp | null;
  revoked_reason: InvitationRevokedReason | null;
  // The resent invitation that superseded this one.
  replaced_by: string | null;
}

export type InvitationRevokedReason = "revoked" | "superseded" | "inviter-deactivated" | "setup-complete";

// A reset link an admin issued: single-use (used_at), closed early by a newer one (closed_at).
export interface PasswordResetsTable {
  id: Generated<string>;
  token_hash: string;
  user_id: string;
  issued_by: string | null;
  created_at: CreatedAt;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  closed_at: Timestamp | null;
}

export interface KitVersionsTable {
  kit_id: string;
  version: number;
  content: Json<unknown>;
  created_by: string;
  created_at: CreatedAt;
}

export interface TemplateVersionsTable {
  template: "rubric" | "red-flags";
  version: number;
  content: Json<unknown>;
  created_by: string;
  created_at: CreatedAt;
}

export interface FormSubmissionsTable {
  key: string;
  subject_id: string;
  created_at: CreatedAt;
}

export type OutboxStatus = "queued" | "sent" | "kept" | "failed";

export interface OutboxMessagesTable {
  id: Generated<string>;
  kind: string;
  dedupe_key: string | null;
  recipient_id: string | null;
  recipient_email: string;
  subject: string;
  html: string;
  text: string;
  ics: string | null;
  status: Generated<OutboxStatus>;
  error: string | null;
  job_id: string | null;
  created_at: CreatedAt;
  sent_at: Timestamp | null;
}

export interface ReminderMutesTable {
  interview_id: string;
  user_id: string;
  reason: string;
  muted_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface NotificationSettingsTable {
  id: number;
  first_after_minutes: number | null;
  daily_hour: number | null;
  working_days: Json<number[]> | null;
  escalate_after_days: number | null;
  updated_by: string | null;
  updated_at: Timestamp;
}

export type WebhookFormat = "panel" | "slack";

export interface WebhookEndpointsTable {
  id: Generated<string>;
  url: string;
  format: Generated<WebhookFormat>;
  events: Json<string[]>;
  secret: string;
  include_feedback: Generated<boolean>;
  active: Generated<boolean>;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface WebhookDeliveriesTable {
  id: Generated<string>;
  endpoint_id: string;
  event: string;
  dedupe_key: string | null;
  body: string;
  status: Generated<"queued" | "delivered" | "failed">;
  attempts: Generated<number>;
  response_status: number | null;
  error: string | null;
  job_id: string | null;
  created_at: CreatedAt;
  delivered_at: Timestamp | null;
}

export interface DB {
  users: UsersTable;
  user_roles: UserRolesTable;
  sessions: SessionsTable;
  sign_in_throttle: SignInThrottleTable;
  positions: PositionsTable;
  candidates: CandidatesTable;
  interviews: InterviewsTable;
  scorecards: ScorecardsTable;
  scorecard_revisions: ScorecardRevisionsTable;
  committee_members: CommitteeMembersTable;
  decisions: DecisionsTable;
  debrief_votes: DebriefVotesTable;
  audit_log: AuditLogTable;
  invitations: InvitationsTable;
  password_resets: PasswordResetsTable;
  kit_versions: KitVersionsTable;
  template_versions: TemplateVersionsTable;
  form_submissions: FormSubmissionsTable;
  user_identities: UserIdentitiesTable;
  oidc_sign_ins: OidcSignInsTable;
  scim_tokens: ScimTokensTable;
  sso_policy: SsoPolicyTable;
  outbox_messages: OutboxMessagesTable;
  reminder_mutes: ReminderMutesTable;
  notification_settings: NotificationSettingsTable;
  webhook_endpoints: WebhookEndpointsTable;
  webhook_deliveries: WebhookDeliveriesTable;
}

export type User = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Candidate = Selectable<CandidatesTable>;
export type Interview = Selectable<InterviewsTable>;
export type Scorecard = Selectable<ScorecardsTable>;
export type Position = Selectable<PositionsTable>;
export type Decision = Selectable<DecisionsTable>;

// Every query takes the connection first, so a caller inside a transaction passes the transaction.
export type Conn = Kysely<DB> | Transaction<DB>;
